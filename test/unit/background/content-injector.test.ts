import { describe, expect, it } from 'vitest';
import { createContentInjector } from '@/background/content-injector';

/** An injector over tabs the test describes: which show a conversation in their record, and
 * which already run a live content script. */
function harness(records: Record<number, boolean> = {}) {
  const live = new Set<number>();
  const calls: string[] = [];
  const injector = createContentInjector({
    alive: async (tabId) => (calls.push(`alive ${tabId}`), live.has(tabId)),
    run: async (tabId, provider) => {
      calls.push(`run ${tabId} ${provider}`);
      await new Promise((r) => setTimeout(r, 5));
      live.add(tabId);
    },
    showsConversation: async (tabId) => records[tabId] ?? false,
  });
  return { injector, calls, live };
}

const GMAIL_LIST = 'https://mail.google.com/mail/u/0/#inbox';
const GMAIL_THREAD = 'https://mail.google.com/mail/u/0/#inbox/19a367a0e0052e6b';

describe('which webmail tabs get the content script', () => {
  it('a mailbox list gets none: no script, not even a look into the page', async () => {
    const h = harness();
    await h.injector.tabChanged(1, GMAIL_LIST);
    await h.injector.tabChanged(1, 'https://outlook.office.com/mail/inbox');
    expect(h.calls).toEqual([]);
  });

  it('an address that may show a conversation gets it once; a tab that already runs it is left alone', async () => {
    const h = harness();
    await h.injector.tabChanged(1, GMAIL_THREAD);
    await h.injector.tabChanged(1, 'https://mail.google.com/mail/u/0/#inbox/199a4cb2200f2a74');
    await h.injector.tabChanged(2, 'https://mail.proton.me/u/0/inbox/abc');
    expect(h.calls).toEqual(['alive 1', 'run 1 gmail', 'alive 1', 'alive 2', 'run 2 proton']);
  });

  it('a list loaded afresh in a tab whose record still shows a conversation gets it, to say none is open', async () => {
    const h = harness({ 3: true });
    await h.injector.tabChanged(3, GMAIL_LIST);
    expect(h.calls).toEqual(['alive 3', 'run 3 gmail']);
  });

  it('an address of a layout Sidedesk does not know as a list gets it (the script says what it finds)', async () => {
    const h = harness();
    await h.injector.tabChanged(4, 'https://mail.google.com/mail/u/0/#settings/general');
    expect(h.calls).toEqual(['alive 4', 'run 4 gmail']);
  });

  it('the burst of events of one navigation runs it once', async () => {
    const h = harness();
    await Promise.all([
      h.injector.tabChanged(5, GMAIL_THREAD),
      h.injector.tabChanged(5, GMAIL_THREAD),
      h.injector.tabChanged(5, GMAIL_THREAD),
    ]);
    expect(h.calls.filter((c) => c.startsWith('run'))).toEqual(['run 5 gmail']);
  });

  it('other sites, addresses without a URL (another site in Chrome) and failures are ignored', async () => {
    const calls: string[] = [];
    const injector = createContentInjector({
      alive: async () => {
        calls.push('alive');
        throw new Error('Cannot access contents of the page');
      },
      run: async () => void calls.push('run'),
      showsConversation: async () => false,
    });
    await injector.tabChanged(6, 'https://example.org/#inbox/19a367a0e0052e6b');
    await injector.tabChanged(6, undefined);
    await injector.tabChanged(6, 'http://mail.google.com/mail/u/0/#inbox/19a367a0e0052e6b');
    expect(calls).toEqual([]);
    await expect(injector.tabChanged(6, GMAIL_THREAD)).resolves.toBeUndefined();
    expect(calls).toEqual(['alive']);
  });
});
