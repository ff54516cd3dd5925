import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { fastmailReader, parseFastmailRoute } from '@/webmail/fastmail';
import { Reading } from '@/domain/reading';
import { FIXTURES, loadPage } from '@/test/support/webmail-cases';

const ORDER = 'Ta080be0c6fb5ec5b';
const ORDER_EMAIL = 'M7f9fc24150f67f102a72b99d';
const REFUND = 'Tb3eba5fc644b553b';
const REFUND_EMAIL = 'M92606338cda3da2977344f6f';
const ORDER_URL = `https://app.fastmail.com/mail/Inbox/${ORDER}.${ORDER_EMAIL}?u=8a1e5f3c`;

function conversationPage() {
  return loadPage('fastmail', 'conversation-inbox-2026.html', ORDER_URL);
}

function read(doc: Document, url = ORDER_URL) {
  return Reading.parse(fastmailReader.read(doc, new URL(url)));
}

function observed(doc: Document, url = ORDER_URL) {
  const reading = read(doc, url);
  if (reading.status !== 'conversation') throw new Error(`expected a conversation, got ${reading.status}: ${reading.reason}`);
  return reading.observation;
}

describe('fastmail: routes', () => {
  it.each([
    [
      'thread and email',
      ORDER_URL,
      { mailbox: 'Inbox', item: `${ORDER}.${ORDER_EMAIL}`, threadId: ORDER, emailId: ORDER_EMAIL, user: '8a1e5f3c' },
    ],
    [
      'the thread alone',
      `https://app.fastmail.com/mail/Inbox/${ORDER}`,
      { mailbox: 'Inbox', item: ORDER, threadId: ORDER, emailId: null, user: null },
    ],
    [
      'another folder',
      `https://app.fastmail.com/mail/Archive/${ORDER}.${ORDER_EMAIL}?u=8a1e5f3c&filter=unread`,
      { mailbox: 'Archive', item: `${ORDER}.${ORDER_EMAIL}`, threadId: ORDER, emailId: ORDER_EMAIL, user: '8a1e5f3c' },
    ],
    [
      'a search',
      `https://app.fastmail.com/mail/search:from%3Aanna/${ORDER}.${ORDER_EMAIL}?u=8a1e5f3c`,
      { mailbox: 'search:from%3Aanna', item: `${ORDER}.${ORDER_EMAIL}`, threadId: ORDER, emailId: ORDER_EMAIL, user: '8a1e5f3c' },
    ],
    [
      'an email without its thread',
      `https://app.fastmail.com/mail/Inbox/.${ORDER_EMAIL}`,
      { mailbox: 'Inbox', item: null, threadId: null, emailId: ORDER_EMAIL, user: null },
    ],
    [
      'the list',
      'https://app.fastmail.com/mail/Inbox/?u=8a1e5f3c',
      { mailbox: 'Inbox', item: null, threadId: null, emailId: null, user: '8a1e5f3c' },
    ],
    [
      'a folder whose name starts with T',
      'https://app.fastmail.com/mail/Tickets/',
      { mailbox: 'Tickets', item: null, threadId: null, emailId: null, user: null },
    ],
    [
      'a reply being written',
      `https://app.fastmail.com/mail/Inbox/compose/${ORDER_EMAIL}`,
      { mailbox: 'Inbox', item: null, threadId: null, emailId: null, user: null },
    ],
    [
      'a user key that is not one',
      `${ORDER_URL.split('?')[0]}?u=%3Cscript%3E`,
      { mailbox: 'Inbox', item: `${ORDER}.${ORDER_EMAIL}`, threadId: ORDER, emailId: ORDER_EMAIL, user: null },
    ],
  ])('%s', (_name, href, route) => {
    expect(parseFastmailRoute(new URL(href))).toEqual(route);
    expect(fastmailReader.threadIdFromUrl(new URL(href))).toBe(route.threadId);
  });

  it.each([
    ['http', ORDER_URL.replace('https:', 'http:')],
    ['the old host', `https://www.fastmail.com/mail/Inbox/${ORDER}.${ORDER_EMAIL}`],
    ['the calendar', 'https://app.fastmail.com/calendar/2025-10-31'],
    ['the bare mail path', 'https://app.fastmail.com/mail/'],
  ])('no mail route: %s', (_name, href) => {
    expect(parseFastmailRoute(new URL(href))).toBeNull();
    expect(fastmailReader.threadIdFromUrl(new URL(href))).toBeNull();
  });
});

describe('fastmail: chip anchor and watch target', () => {
  it('anchors the chip on the thread title and watches the conversation pane', () => {
    const doc = conversationPage();
    expect(fastmailReader.chipAnchor(doc)?.matches('.v-Thread-title h1')).toBe(true);
    expect(fastmailReader.watchTarget(doc)?.id).toBe('conversation');
  });

  it('has no anchor on the list, and nothing to watch on a layout it does not know', () => {
    expect(fastmailReader.chipAnchor(loadPage('fastmail', 'inbox-list-2026.html', 'https://app.fastmail.com/mail/Inbox/'))).toBeNull();
    expect(fastmailReader.watchTarget(loadPage('fastmail', 'unknown-layout.html', ORDER_URL))).toBeNull();
  });
});

describe('fastmail: pages it must not guess on', () => {
  it('is unreadable when the address names an email but not its thread', () => {
    expect(read(conversationPage(), `https://app.fastmail.com/mail/Inbox/.${ORDER_EMAIL}`)).toMatchObject({
      status: 'unreadable',
      reason: expect.stringContaining('thread id'),
    });
  });

  it('is unreadable without the signed-in address', () => {
    const doc = conversationPage();
    doc.querySelector('.v-MainNavToolbar-userName')!.textContent = 'Agent Smith';
    expect(read(doc)).toMatchObject({ status: 'unreadable', reason: expect.stringContaining('account') });
  });

  it('is unreadable when the thread shows no message cards', () => {
    const doc = conversationPage();
    doc.querySelectorAll('.v-MessageCard').forEach((card) => card.remove());
    expect(read(doc)).toMatchObject({ status: 'unreadable', reason: expect.stringContaining('messages') });
  });

  it('waits (none) while the reading pane is empty between a click and the paint', () => {
    const doc = conversationPage();
    doc.getElementById('conversation')!.replaceChildren();
    expect(read(doc)).toMatchObject({ status: 'none' });
  });
});

describe('fastmail: people', () => {
  it('falls back to the shown address of an unknown sender', () => {
    const doc = conversationPage();
    const from = doc.querySelector('.v-MessageCard-from')!;
    from.setAttribute('title', 'Anna Kowalska');
    const bare = doc.createElement('span');
    bare.className = 'v-MessageCard-unknownSender';
    bare.textContent = 'anna.kowalska@klient.pl';
    from.after(bare);
    expect(observed(doc).contact?.email).toBe('anna.kowalska@klient.pl');
  });

  it('leaves out a recipient whose title is not an address', () => {
    const doc = conversationPage();
    doc.querySelectorAll('.v-Message-toName')[1]!.setAttribute('title', 'Piotr Zieliński');
    expect(observed(doc).participants.map((p) => p.email)).toEqual(['anna.kowalska@klient.pl']);
  });
});

describe('fastmail: hostile content', () => {
  it('keeps a subject with markup as text, without running it', () => {
    const html = readFileSync(join(FIXTURES, 'fastmail', 'conversation-inbox-2026.html'), 'utf8').replace(
      '<h1>Order #4411 did not arrive</h1>',
      '<h1>&lt;script&gt;window.pwned=1&lt;/script&gt; <script>window.pwned=2</script></h1>',
    );
    const dom = new JSDOM(html, { url: ORDER_URL });
    const obs = observed(dom.window.document);
    // A real <script> in the heading is text to the reader and never runs (scripts are off).
    expect(obs.subject).toBe('<script>window.pwned=1</script> window.pwned=2');
    expect((dom.window as unknown as { pwned?: number }).pwned).toBeUndefined();
  });

  it('removes bidi overrides and zero-width characters from the subject and names', () => {
    const doc = conversationPage();
    doc.querySelector('.v-Thread-title h1')!.textContent = 'Invoice \u202Efdp.exe\u202C paid\u200B';
    doc.querySelector('.v-MessageCard-from')!.textContent = '\u202EAnna\u2066 Kowalska';
    const obs = observed(doc);
    expect(obs.subject).toBe('Invoice fdp.exe paid');
    expect(obs.contact?.name).toBe('Anna Kowalska');
  });

  it('caps a megabyte subject and skips a megabyte "address"', () => {
    const doc = conversationPage();
    doc.querySelector('.v-Thread-title h1')!.textContent = 'x'.repeat(1_000_000);
    doc.querySelectorAll('.v-Message-toName')[1]!.setAttribute('title', `${'p'.repeat(1_000_000)}@klient.pl`);
    const obs = observed(doc);
    expect(obs.subject).toHaveLength(500);
    expect(obs.participants.map((p) => p.email)).toEqual(['anna.kowalska@klient.pl']);
  });
  it('does not hang on an address-like title with no domain', () => {
    const doc = conversationPage();
    const trap = `${'a.'.repeat(60_000)}@`;
    doc.querySelectorAll('.v-MessageCard-from, .v-Message-toName').forEach((el) => el.setAttribute('title', trap));
    doc.querySelector('.v-MainNavToolbar-userName')!.textContent = trap;
    const started = performance.now();
    read(doc);
    expect(performance.now() - started).toBeLessThan(2000);
  });
});

describe('fastmail: app.html behaves like the single-page app', () => {
  const html = readFileSync(join(FIXTURES, 'fastmail', 'app.html'), 'utf8');
  const wait = (ms: number) => new Promise((r) => setTimeout(r, ms));

  it('opens the conversation named by the path, and the clicked one after a late paint', async () => {
    const refundUrl = `https://app.fastmail.com/mail/Inbox/${REFUND}.${REFUND_EMAIL}?u=8a1e5f3c`;
    const dom = new JSDOM(html, { url: refundUrl, runScripts: 'dangerously' });
    const { document, location } = dom.window;
    expect(read(document, location.href)).toMatchObject({ status: 'none' });
    await wait(300);
    expect(observed(document, location.href)).toMatchObject({
      threadId: REFUND,
      subject: 'Refund for #3920',
      messageCount: 2,
      url: refundUrl,
    });

    document.querySelector<HTMLElement>(`a[href*="${ORDER}"]`)!.click();
    expect(location.href).toBe(ORDER_URL);
    expect(read(document, location.href)).toMatchObject({ status: 'none' });
    await wait(300);
    expect(observed(document, location.href)).toMatchObject({
      threadId: ORDER,
      messageCount: 3,
      contact: { email: 'anna.kowalska@klient.pl' },
    });
    dom.window.close();
  });

  it('shows the list alone when the path names no conversation', () => {
    const dom = new JSDOM(html, { url: 'https://app.fastmail.com/mail/Inbox/?u=8a1e5f3c', runScripts: 'dangerously' });
    expect(read(dom.window.document, dom.window.location.href)).toMatchObject({ status: 'none' });
    expect(dom.window.document.querySelector('.v-Empty')).not.toBeNull();
    dom.window.close();
  });
});
