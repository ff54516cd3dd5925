import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { parseProtonRoute, protonReader } from '@/webmail/proton';
import { Reading } from '@/domain/reading';
import { FIXTURES, loadPage } from '@/test/support/webmail-cases';

const ORDER = 'rR5RMA5NG38vgvM_R5n-vMm3F3QyBbsisQg0gZzfaMfWl7ywJICVvWmmyqyTbYIuVBfCkhUoiJ2QRkL1VTfxAg==';
const REFUND = 'HuEmS4DiaNwcMm-vwaFzswXmgWQ_xkhaNuDiKdNN4AUiyE78Ov00RMD01qkurOa17PmeOm_L6kogzW5_9XnOmQ==';
const MESSAGE = 'nPf9E7AttDWUQ6K3WUScb4ZL2ytMOVWnMGrQeTNms7f-OAmxQZEhcXSv9FuWoqTOnC0hYtGEEZ2NAIZNNt07Aw==';
const ORDER_URL = `https://mail.proton.me/u/0/inbox/${ORDER}`;

function conversationPage() {
  return loadPage('proton', 'conversation-2026.html', ORDER_URL);
}

function read(doc: Document, url = ORDER_URL) {
  return Reading.parse(protonReader.read(doc, new URL(url)));
}

function observed(doc: Document, url = ORDER_URL) {
  const reading = read(doc, url);
  if (reading.status !== 'conversation') throw new Error(`expected a conversation, got ${reading.status}: ${reading.reason}`);
  return reading.observation;
}

describe('proton: routes', () => {
  it.each([
    ['/u/0/inbox/<id>', `https://mail.proton.me/u/0/inbox/${ORDER}`, { session: '0', labelId: 'inbox', elementId: ORDER, messageId: null }],
    [
      'the bare form without /u/<n>',
      `https://mail.proton.me/inbox/${ORDER}`,
      { session: null, labelId: 'inbox', elementId: ORDER, messageId: null },
    ],
    [
      'a message id after the conversation',
      `https://mail.proton.me/u/1/almost-all-mail/${ORDER}/${MESSAGE}`,
      { session: '1', labelId: 'almost-all-mail', elementId: ORDER, messageId: MESSAGE },
    ],
    [
      'a custom label id',
      `https://mail.proton.me/u/0/${REFUND}/${ORDER}`,
      { session: '0', labelId: REFUND, elementId: ORDER, messageId: null },
    ],
    [
      'percent-encoded padding',
      `https://mail.proton.me/u/0/inbox/${ORDER.replace('==', '%3D%3D')}`,
      { session: '0', labelId: 'inbox', elementId: ORDER, messageId: null },
    ],
    ['the list', 'https://mail.proton.me/u/0/inbox', { session: '0', labelId: 'inbox', elementId: null, messageId: null }],
    [
      'a search (kept in the hash)',
      'https://mail.proton.me/u/0/all-mail#keyword=refund',
      { session: '0', labelId: 'all-mail', elementId: null, messageId: null },
    ],
    [
      'the newsletters view, not a conversation named "newsletters"',
      'https://mail.proton.me/u/0/views/newsletters',
      { session: '0', labelId: 'views', elementId: null, messageId: null },
    ],
  ])('%s', (_name, href, route) => {
    expect(parseProtonRoute(new URL(href))).toEqual(route);
    expect(protonReader.threadIdFromUrl(new URL(href))).toBe(route.elementId);
  });

  it.each([
    ['http', `http://mail.proton.me/u/0/inbox/${ORDER}`],
    ['another host', `https://account.proton.me/u/0/mail/${ORDER}`],
    ['no label', 'https://mail.proton.me/u/0/'],
    ['too many segments', `https://mail.proton.me/u/0/inbox/${ORDER}/${MESSAGE}/extra`],
    ['markup in a segment', 'https://mail.proton.me/u/0/inbox/%3Cscript%3E'],
    ['a broken escape', 'https://mail.proton.me/u/0/inbox/%E0%A4%A'],
  ])('no route: %s', (_name, href) => {
    expect(parseProtonRoute(new URL(href))).toBeNull();
    expect(protonReader.threadIdFromUrl(new URL(href))).toBeNull();
  });
});

describe('proton: chip anchor and watch target', () => {
  it('anchors the chip on the subject heading and watches the reading pane', () => {
    const doc = conversationPage();
    expect(protonReader.chipAnchor(doc)?.getAttribute('data-testid')).toBe('conversation-header:subject');
    expect(protonReader.watchTarget(doc)?.matches('section.view-column-detail')).toBe(true);
  });

  it('has no anchor on the list, and nothing to watch on a layout it does not know', () => {
    expect(protonReader.chipAnchor(loadPage('proton', 'inbox-list-2026.html', 'https://mail.proton.me/u/0/inbox'))).toBeNull();
    expect(protonReader.watchTarget(loadPage('proton', 'unknown-layout.html', ORDER_URL))).toBeNull();
  });
});

describe('proton: states between paints', () => {
  it('waits while the conversation header is loading', () => {
    const doc = conversationPage();
    doc.querySelector('[data-testid="conversation-header"]')!.classList.add('message-conversation-summary-is-loading');
    expect(read(doc)).toMatchObject({ status: 'none', reason: expect.stringContaining('loading') });
  });

  it('waits when the address already names another conversation than the one painted', () => {
    expect(read(conversationPage(), `https://mail.proton.me/u/0/inbox/${REFUND}`)).toMatchObject({ status: 'none' });
  });

  it('is unreadable when a conversation is shown but the address names none', () => {
    expect(read(conversationPage(), 'https://mail.proton.me/u/0/inbox')).toMatchObject({ status: 'unreadable' });
  });

  it('is unreadable when the conversation shows no messages', () => {
    const doc = conversationPage();
    doc.querySelectorAll('article').forEach((a) => a.remove());
    expect(read(doc)).toMatchObject({ status: 'unreadable', reason: expect.stringContaining('messages') });
  });
});

describe('proton: people', () => {
  it('counts a sent message from an alias as the user, not as a participant', () => {
    const doc = conversationPage();
    const sent = doc.querySelector('.message-header.is-outbound .message-recipient-item')!;
    sent.setAttribute('title', 'help@sidedesk.test');
    const obs = observed(doc);
    expect(obs.participants.map((p) => p.email)).toEqual(['anna.kowalska@klient.pl', 'piotr.zielinski@klient.pl']);
    expect(obs.contact?.email).toBe('anna.kowalska@klient.pl');
  });

  it('skips an item whose title is not an address (Undisclosed Recipients, a script URL)', () => {
    const doc = conversationPage();
    const items = doc.querySelectorAll('[data-testid^="recipients:item-"]');
    items[0]!.setAttribute('title', 'Undisclosed Recipients');
    items[1]!.setAttribute('title', 'javascript:alert(1)');
    expect(observed(doc).participants.map((p) => p.email)).toEqual(['anna.kowalska@klient.pl']);
  });
});

describe('proton: hostile content', () => {
  it('keeps a subject with markup as text, without running it', () => {
    const html = readFileSync(join(FIXTURES, 'proton', 'conversation-2026.html'), 'utf8').replaceAll(
      'title="Order #4411 did not arrive"',
      'title="&lt;script&gt;window.pwned=1&lt;/script&gt;&lt;img src=x onerror=&quot;window.pwned=2&quot;&gt;"',
    );
    const dom = new JSDOM(html, { url: ORDER_URL });
    const obs = observed(dom.window.document);
    expect(obs.subject).toBe('<script>window.pwned=1</script><img src=x onerror="window.pwned=2">');
    expect((dom.window as unknown as { pwned?: number }).pwned).toBeUndefined();
  });

  it('removes bidi overrides and zero-width characters from the subject and names', () => {
    const doc = conversationPage();
    doc.querySelector('h1[data-testid="conversation-header:subject"]')!.setAttribute('title', 'Invoice \u202Efdp.exe\u202C paid\u200B');
    doc.querySelector('[data-testid="recipients:sender"] [data-testid="recipient-label"]')!.textContent = '\u202EAnna\u2066 Kowalska';
    const obs = observed(doc);
    expect(obs.subject).toBe('Invoice fdp.exe paid');
    expect(obs.participants.map((p) => p.name)).toContain('Anna Kowalska');
  });

  it('caps a megabyte subject instead of refusing the conversation', () => {
    const doc = conversationPage();
    doc.querySelector('h1[data-testid="conversation-header:subject"]')!.setAttribute('title', 'x'.repeat(1_000_000));
    const obs = observed(doc);
    expect(obs.subject).toHaveLength(500);
    expect(obs.threadId).toBe(ORDER);
  });

  it('does not take a megabyte "address" for the account or a person', () => {
    const doc = conversationPage();
    doc.querySelector('[data-testid="recipients:sender"]')!.setAttribute('title', `${'a'.repeat(1_000_000)}@klient.pl`);
    expect(observed(doc).participants.map((p) => p.email)).not.toContain(expect.stringMatching(/^a{100}/));
    doc.querySelector('[data-testid="heading:userdropdown"]')!.setAttribute('title', `Agent <${'a'.repeat(1_000_000)}@sidedesk.test>`);
    doc.querySelector('.user-dropdown-email')!.textContent = '';
    expect(read(doc)).toMatchObject({ status: 'unreadable', reason: expect.stringContaining('account') });
  });
  it('does not hang on an address-like title with no domain', () => {
    const doc = conversationPage();
    const trap = `${'a.'.repeat(60_000)}@`;
    doc.querySelectorAll('.message-recipient-item').forEach((el) => el.setAttribute('title', trap));
    doc.querySelector('[data-testid="heading:userdropdown"]')!.setAttribute('title', `Agent <${trap}>`);
    const started = performance.now();
    read(doc);
    expect(performance.now() - started).toBeLessThan(2000);
  });
});

describe('proton: app.html behaves like the single-page app', () => {
  const html = readFileSync(join(FIXTURES, 'proton', 'app.html'), 'utf8');
  const wait = (ms: number) => new Promise((r) => setTimeout(r, ms));

  it('opens the conversation named by the path, and the clicked one after a late paint', async () => {
    const dom = new JSDOM(html, { url: `https://mail.proton.me/u/0/inbox/${REFUND}`, runScripts: 'dangerously' });
    const { document, location } = dom.window;
    expect(read(document, location.href)).toMatchObject({ status: 'none' });
    await wait(300);
    expect(observed(document, location.href)).toMatchObject({ threadId: REFUND, subject: 'Refund for #3920', messageCount: 2 });

    document.querySelector<HTMLElement>(`[data-element-id="${ORDER}"]`)!.click();
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
    const dom = new JSDOM(html, { url: 'https://mail.proton.me/u/0/inbox', runScripts: 'dangerously' });
    expect(read(dom.window.document, dom.window.location.href)).toMatchObject({ status: 'none' });
    dom.window.close();
  });
});
