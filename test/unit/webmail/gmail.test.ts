import { describe, expect, it } from 'vitest';
import { gmailReader } from '@/webmail/gmail';
import { loadPage } from '@/test/support/webmail-cases';

const URL_ORDER = 'https://mail.google.com/mail/u/0/#inbox/FMfcgzQcqbZKFFBHBJqvMJnTBDzhZgSF';

function raw(file: string) {
  const reading = gmailReader.read(loadPage('gmail', file, URL_ORDER), new URL(URL_ORDER));
  if (reading.status !== 'conversation') throw new Error(`expected a conversation, got ${reading.status}: ${reading.reason}`);
  return reading.observation;
}

describe('Gmail reader: what it sends', () => {
  it('sends a thread of 100 messages with 10 people each (1,100 entries) as its first 100 people, each once', () => {
    const observation = raw('thread-100-messages.html');
    expect(observation.participants).toHaveLength(100);
    expect(observation.participants.map((p) => p.email)).toEqual(
      Array.from({ length: 100 }, (_, i) => `customer${String(i).padStart(3, '0')}@klient.example`),
    );
  });

  it('reads nothing of a body, even when the page has nothing else to give', () => {
    const doc = loadPage('gmail', 'thread-no-account-button.html', URL_ORDER);
    doc.title = 'Order #4411 did not arrive - Gmail'; // no address in the title either
    const reading = gmailReader.read(doc, new URL(URL_ORDER));
    expect(reading.status).toBe('unreadable');
    expect(reading.status === 'unreadable' && reading.reason).toContain('account');
  });

  it('anchors the chip to the thread subject, not to a heading copied into a body', () => {
    const doc = loadPage('gmail', 'thread-body-imitates-header.html', URL_ORDER);
    const body = doc.querySelector('.a3s')!;
    const fake = doc.createElement('h2');
    fake.className = 'hP';
    fake.textContent = 'Fake';
    body.prepend(fake);
    doc.querySelector('.ha h2.hP')!.remove();
    expect(gmailReader.chipAnchor(doc)).toBeNull();
    expect(gmailReader.read(doc, new URL(URL_ORDER)).status).toBe('unreadable');
  });
});
