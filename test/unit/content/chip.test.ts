// @vitest-environment jsdom
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createChip } from '@/content/chip';
import type { WebmailReader } from '@/webmail/webmail-reader';
import type { ReadingInput } from '@/domain/reading';
import { english } from '@/test/support/translate';

const reader = { chipAnchor: (doc: Document) => doc.querySelector('h2.subject') } as unknown as WebmailReader;
const reading = (threadId: string): ReadingInput => ({
  status: 'conversation',
  observation: {
    provider: 'gmail',
    account: 'a@b.pl',
    threadId,
    subject: 's',
    url: null,
    contact: null,
    participants: [],
    messageCount: 1,
    lastMessageAt: null,
  },
});
const view = { ticket: { id: 't1', number: 7, name: 'Courier lost' }, stage: { id: 'new', label: 'New', state: 'open' as const } };
// The chip's root is closed: the page gets null from `host.shadowRoot`. The test keeps the root
// it is given when the chip attaches it, as only the chip's own code would have it.
const roots = new WeakMap<Element, ShadowRoot>();
const attachShadow = Element.prototype.attachShadow;
beforeAll(() => {
  Element.prototype.attachShadow = function (this: Element, init: ShadowRootInit) {
    const root = attachShadow.call(this, init);
    roots.set(this, root);
    return root;
  };
});
afterAll(() => {
  Element.prototype.attachShadow = attachShadow;
});
const chipRoot = () => {
  const host = document.querySelector('sidedesk-chip');
  return host ? (roots.get(host) ?? null) : null;
};
const chipText = () => chipRoot()?.textContent ?? null;

describe('the chip in the webmail page', () => {
  it('shows the ticket beside the subject, hides it while the page is between threads, and never puts it beside another thread', () => {
    document.body.innerHTML = '<h2 class="subject">Order #4411</h2>';
    const chip = createChip(
      reader,
      async () => {
        throw new Error('not asked');
      },
      english,
    );
    chip.sync(reading('a')); // the tracker reads the page, then reports it
    chip.show('gmail:a@b.pl:a', view, 'a');
    expect(chipText()).toContain('T-0007');
    expect(chipText()).toContain('Courier lost');
    // The address moved on; the page still paints: no chip at all.
    chip.sync({ status: 'unreadable', reason: 'Gmail is still opening the conversation.' });
    expect(chipText()).toBeNull();
    // Thread b painted (its report not back yet): still not A's ticket beside b's subject.
    document.body.innerHTML = '<h2 class="subject">Refund for #3920</h2>';
    chip.sync(reading('b'));
    expect(chipText()).toBeNull();
    // Back on thread a (a re-render, nothing new to report): the chip returns.
    document.body.innerHTML = '<h2 class="subject">Order #4411</h2>';
    chip.sync(reading('a'));
    expect(chipText()).toContain('Courier lost');
  });

  it('a report of the same conversation brings the freshest view (a ticket made meanwhile shows at once)', () => {
    document.body.innerHTML = '<h2 class="subject">Order #4411</h2>';
    const chip = createChip(
      reader,
      async () => {
        throw new Error('not asked');
      },
      english,
    );
    chip.sync(reading('a'));
    chip.show('gmail:a@b.pl:a', { ticket: null, stage: null }, 'a');
    expect(chipText()).toContain('Create ticket');
    chip.sync(reading('a'));
    chip.show('gmail:a@b.pl:a', view, 'a'); // re-reported (a new message), with its ticket now
    expect(chipText()).toContain('Courier lost');
  });

  it('an answer that arrives after the page moved on is not shown beside the next thread', () => {
    document.body.innerHTML = '<h2 class="subject">Order #4411</h2>';
    const chip = createChip(
      reader,
      async () => {
        throw new Error('not asked');
      },
      english,
    );
    chip.sync(reading('a'));
    // The agent opens b before a's report is answered.
    document.body.innerHTML = '<h2 class="subject">Refund for #3920</h2>';
    chip.sync(reading('b'));
    chip.show('gmail:a@b.pl:a', view, 'a');
    expect(chipText()).toBeNull();
    // b's answer: b has no ticket yet.
    chip.show('gmail:a@b.pl:b', { ticket: null, stage: null }, 'b');
    expect(chipText()).toContain('Create ticket');
  });

  it('security: the page cannot read the chip: its shadow root is closed', () => {
    document.body.innerHTML = '<h2 class="subject">Order #4411</h2>';
    const chip = createChip(reader, async () => ({ ticket: null, stage: null }) as never, english);
    chip.sync(reading('a'));
    chip.show('gmail:a@b.pl:a', view, 'a');
    const host = document.querySelector('sidedesk-chip')!;
    expect(chipText()).toContain('Courier lost');
    // What a page script sees: a host with no root and no text.
    expect(host.shadowRoot).toBeNull();
    expect(chipRoot()?.mode).toBe('closed');
    expect(host.textContent).toBe('');
  });

  it('security: a synthetic (untrusted) click opens neither the ticket nor the panel', async () => {
    document.body.innerHTML = '<h2 class="subject">Order #4411</h2>';
    const call = vi.fn(async () => ({ opened: true }) as never);
    const chip = createChip(reader, call, english);
    chip.sync(reading('a'));
    chip.show('gmail:a@b.pl:a', view, 'a');
    const click = (root: ShadowRoot | null) => {
      const button = root!.querySelector('button')!;
      button.click();
      button.dispatchEvent(new MouseEvent('click', { bubbles: true, composed: true }));
    };
    click(chipRoot());
    // The conversation without a ticket: "Create ticket" opens the panel, but not from a script.
    chip.show('gmail:a@b.pl:b', { ticket: null, stage: null }, 'a');
    expect(chipText()).toContain('Create ticket');
    click(chipRoot());
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(call).not.toHaveBeenCalled();
  });
});
