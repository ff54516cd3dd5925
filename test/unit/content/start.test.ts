// @vitest-environment jsdom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ContentScriptContext } from 'wxt/utils/content-script-context';
import { startContentScript, type ContentScriptApi } from '@/content/start';
import { createChip } from '@/content/chip';
import { offerChip } from '@/content/chip-stage';
import { SETTLE_MS } from '@/content/tracker';
import type { ReadingInput } from '@/domain/reading';
import type { WebmailReader } from '@/webmail/webmail-reader';
import { english } from '@/test/support/translate';

const LIST = '<main><ul class="threads"><li>Order #4411</li></ul></main>';
const THREAD = '<main><h2 class="subject" data-thread="a">Order #4411 did not arrive</h2><p>Hello</p></main>';

/** A webmail whose page the test writes: a thread when it shows a subject, else a list. */
let reads = 0;
const reader = {
  provider: 'gmail',
  threadIdFromUrl: () => null,
  listsOnly: () => false,
  read(doc: Document): ReadingInput {
    reads++;
    const subject = doc.querySelector('h2.subject');
    if (!subject) return { status: 'none', reason: 'No conversation is open.' };
    return {
      status: 'conversation',
      observation: {
        provider: 'gmail',
        account: 'agent@sidedesk.test',
        threadId: subject.getAttribute('data-thread')!,
        subject: subject.textContent ?? '',
        url: null,
        contact: null,
        participants: [],
        messageCount: 1,
        lastMessageAt: null,
      },
    };
  },
  chipAnchor: (doc: Document) => doc.querySelector('h2.subject'),
  watchTarget: (doc: Document) => doc.querySelector('main'),
} satisfies WebmailReader;

/** The extension API with the test as the background: it answers each report, and records what
 * the content script asked of it. */
function fakeApi() {
  const sent: Array<{ name: string; data: { reading?: ReadingInput } }> = [];
  const asked: string[] = [];
  const listeners: Array<(message: unknown, sender: { id?: string }) => void> = [];
  const api: ContentScriptApi = {
    id: 'sidedesk',
    async send(message) {
      const m = message as (typeof sent)[number];
      sent.push(m);
      if (m.name === 'report') {
        const reading = m.data.reading!;
        const id = reading.status === 'conversation' ? `gmail:agent@sidedesk.test:${reading.observation.threadId}` : null;
        return { ok: true, data: { conversationId: id, view: id ? { ticket: null, stage: null } : null } };
      }
      // The background runs the chip's script in the page: it leaves its factory there.
      if (m.name === 'loadChip') return (offerChip(createChip), { ok: true, data: { loaded: true } });
      return { ok: true, data: { ticket: null, stage: null } };
    },
    getMessage: (key, substitutions) => (asked.push(key), english(key, substitutions)),
    listen(onMessage) {
      listeners.push(onMessage);
      return () => listeners.splice(listeners.indexOf(onMessage), 1);
    },
  };
  return { api, sent, asked, listeners };
}

let ctx: ContentScriptContext;
beforeEach(() => {
  delete (globalThis as Record<string, unknown>).__sidedeskChip; // each test's page starts without the chip's code
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] });
  reads = 0;
  ctx = new ContentScriptContext('test', { noScriptStartedPostMessage: true });
});
afterEach(() => {
  ctx.abort();
  vi.useRealTimers();
});

/** Runs the timers due within `ms`, and the answers and page changes they bring. */
async function settle(ms: number) {
  await vi.advanceTimersByTimeAsync(ms);
}

describe('the content script in a webmail page', () => {
  it('on a page with no conversation open it reports "nothing open" and does nothing else: no chip or its code, no words looked up, no listening for tab messages', async () => {
    document.body.innerHTML = LIST;
    const { api, sent, asked, listeners } = fakeApi();
    startContentScript(ctx, reader, api);
    await settle(SETTLE_MS.none + 500);
    expect(sent.map((m) => [m.name, m.data.reading?.status])).toEqual([['report', 'none']]);
    expect(document.querySelector('sidedesk-chip')).toBeNull();
    expect(asked).toEqual([]);
    expect(listeners).toHaveLength(0);
  });

  it('once a conversation is shown it listens for ticket changes, and its own chip is not read as a change of the page', async () => {
    document.body.innerHTML = THREAD;
    const { api, sent, listeners } = fakeApi();
    startContentScript(ctx, reader, api);
    await settle(1);
    // The chip's code is asked for once a conversation is shown, and drawn when it is in.
    expect(sent.map((m) => [m.name, m.data.reading?.status])).toEqual([
      ['report', 'conversation'],
      ['loadChip', undefined],
    ]);
    expect(document.querySelector('main sidedesk-chip')).not.toBeNull();
    expect(listeners).toHaveLength(1);
    // The chip went in beside the subject, inside the watched part of the page: no read for it.
    expect(reads).toBe(1);
    await settle(1000);
    expect(reads).toBe(1);
    // The page's own change is still read.
    document.querySelector('main')!.append(document.createElement('p'));
    await settle(1000);
    expect(reads).toBe(2);
    // A tab message from Sidedesk makes the chip ask again; one from anyone else does not.
    listeners[0]!({ sidedesk: 1, name: 'changed' }, { id: 'another-extension' });
    listeners[0]!({ sidedesk: 1, name: 'changed' }, { id: 'sidedesk' });
    await settle(0);
    expect(sent.filter((m) => m.name === 'conversationTicket')).toHaveLength(1);
  });

  it('listens from the first conversation on, once, and stops when the script is replaced', async () => {
    document.body.innerHTML = LIST;
    const { api, listeners } = fakeApi();
    startContentScript(ctx, reader, api);
    await settle(SETTLE_MS.none + 500);
    expect(listeners).toHaveLength(0);
    document.body.innerHTML = THREAD;
    dispatchEvent(new HashChangeEvent('hashchange'));
    await settle(50);
    expect(listeners).toHaveLength(1);
    document.body.innerHTML = LIST;
    dispatchEvent(new HashChangeEvent('hashchange'));
    await settle(SETTLE_MS.none + 500);
    document.body.innerHTML = THREAD.replace('data-thread="a"', 'data-thread="b"');
    dispatchEvent(new HashChangeEvent('hashchange'));
    await settle(50);
    expect(listeners).toHaveLength(1);
    ctx.abort();
    expect(listeners).toHaveLength(0);
    expect(document.querySelector('sidedesk-chip')).toBeNull();
  });
});
