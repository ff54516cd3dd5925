// @vitest-environment jsdom
import 'fake-indexeddb/auto'; // Dexie's live queries run only where an IndexedDB exists
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, describe, expect, it } from 'vitest';
import { I18nProvider } from '@/components/common/i18n';
import { DeskFailure } from '@/domain';
import { Board } from '@/entrypoints/tickets/Board';
import { BOARD_PAGE } from '@/entrypoints/tickets/board-model';
import { DEFAULT_VIEW, type TicketsView } from '@/entrypoints/tickets/view';
import type { Client } from '@/messaging/client';
import { ACCOUNT, convId, observe, rid, ticketRecord } from '@/test/support/builders';
import { createTestDesk, openTestDatabase, putTickets } from '@/test/support/store';
import { english } from '@/test/support/translate';
import type { SidedeskDatabase } from '@/store/database';

const roots: HTMLElement[] = [];
afterEach(() => {
  // Unmounted, so no live query outlives its test.
  for (const root of roots.splice(0)) act(() => render(null, root));
});

function mount(db: SidedeskDatabase, call: Client, view: Partial<TicketsView> = {}) {
  const root = document.createElement('div');
  document.body.append(root);
  roots.push(root);
  const patches: Array<Partial<TicketsView>> = [];
  act(() =>
    render(
      <I18nProvider value={english}>
        <Board db={db} call={call} view={{ ...DEFAULT_VIEW, mode: 'board', ...view }} onView={(p) => patches.push(p)} />
      </I18nProvider>,
      root,
    ),
  );
  const settle = async () => void (await act(async () => undefined));
  const column = (stageId: string) => root.querySelector<HTMLElement>(`section[data-stage-id="${stageId}"]`)!;
  const cards = async (stageId: string) => (
    await settle(),
    [...(column(stageId)?.querySelectorAll<HTMLElement>('.board__card') ?? [])].map((c) => c.querySelector('.board__number')!.textContent)
  );
  const key = (target: Element, key: string) =>
    act(() => void target.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true, cancelable: true })));
  const status = () => root.querySelector('.board__status')!.textContent;
  return { root, patches, settle, column, cards, key, status };
}

/** A desk with one ticket per thread, each with its conversation, numbered in order. */
async function deskWith(threads: string[]) {
  const t = await createTestDesk();
  for (const thread of threads) {
    await t.desk.execute(observe(thread));
    t.tick();
    await t.desk.execute({ type: 'createTicket', requestId: rid(), actor: ACCOUNT, conversationId: convId(thread), draft: {} });
    t.tick();
  }
  const sent: Array<Record<string, unknown>> = [];
  const call = (async (_name: string, data: Record<string, unknown>) => {
    sent.push(data);
    const outcome = await t.desk.execute(data);
    if (!outcome.ok) throw new DeskFailure(outcome.error);
    return outcome.data;
  }) as Client;
  return { ...t, call, sent };
}

describe('the board on the tickets page', () => {
  it('has a labelled list per stage with its count, and cards with number, name, priority, owner, contact and age', async () => {
    const t = await deskWith(['a', 'b']);
    const { root, cards, column } = mount(t.db, t.call);
    await expect.poll(() => cards('new')).toEqual(['T-0002', 'T-0001']);
    const heads = [...root.querySelectorAll('h2')].map((h) => h.textContent);
    expect(heads).toEqual(['New: 2', 'Waiting on contact: 0', 'Waiting on us: 0', 'Closed: 0']);
    expect(column('new').querySelector('ul')!.getAttribute('aria-label')).toBe('New: 2 tickets');
    const card = column('new').querySelector<HTMLElement>('.board__card')!;
    expect(card.tabIndex).toBe(0);
    expect(card.getAttribute('draggable')).toBe('true');
    expect(card.querySelector('a')!.getAttribute('href')).toMatch(/^record\.html\?id=/);
    expect(card.textContent).toContain('Medium');
    expect(card.textContent).toContain('Customer b');
    expect(card.textContent).toContain('Conversations: 1, open: 1');
    expect(card.querySelector('.board__owner')!.textContent).toMatch(/^\w+Owner: \S/);
    // One tab stop per column: the others are reached with the arrows.
    expect(column('new').querySelectorAll('[tabindex="0"]')).toHaveLength(1);
    expect(column('closed').textContent).toContain('No tickets here.');
  });

  it('moves a card into Closed from the keyboard: the cascade closes its conversation, the toast offers Undo, and Undo puts it back', async () => {
    const t = await deskWith(['a', 'b']);
    const { root, cards, column, key, status } = mount(t.db, t.call);
    await expect.poll(() => cards('new')).toEqual(['T-0002', 'T-0001']);
    const card = [...column('new').querySelectorAll<HTMLElement>('.board__card')][1]!;
    card.focus();
    key(card, ' ');
    expect(status()).toBe('Lifted T-0001 from New. Left and right arrows choose the stage, Space drops it, Escape cancels.');
    for (let i = 0; i < 4; i++) key(card, 'ArrowRight');
    expect(status()).toBe('T-0001 over Closed: Space drops it here.');
    expect(column('closed').dataset.drop).toBe('true');
    key(card, ' ');
    await expect.poll(() => cards('closed')).toEqual(['T-0001']);
    expect(await cards('new')).toEqual(['T-0002']);
    expect(t.sent).toEqual([expect.objectContaining({ type: 'setTicketStage', stageId: 'closed' })]);
    expect((await t.db.conversations.get(convId('a')))!.state).toBe('closed');
    const moved = column('closed').querySelector<HTMLElement>('.board__card')!;
    expect(moved.textContent).toContain('Conversations: 1, open: 0');
    // The focus followed the card to its new column.
    expect(document.activeElement).toBe(moved);
    const toast = root.querySelector('.toast')!;
    expect(toast.textContent).toContain('Ticket closed, and its conversations (1).');
    const undo = [...toast.querySelectorAll('button')].find((b) => b.textContent === 'Undo')!;
    await act(async () => undo.click());
    await expect.poll(() => cards('new')).toEqual(['T-0001', 'T-0002']);
    expect((await t.db.conversations.get(convId('a')))!.state).toBe('open');
  });

  it('Escape puts a lifted card back, and the arrows alone move the focus between cards and columns', async () => {
    const t = await deskWith(['a', 'b', 'c']);
    const b = (await t.db.tickets.where('number').equals(2).first())!;
    await t.desk.execute({
      type: 'setTicketStage',
      requestId: rid(),
      actor: ACCOUNT,
      ticketId: b.id,
      rev: b.rev,
      stageId: 'waiting-on-us',
    });
    const { cards, column, key, status } = mount(t.db, t.call);
    await expect.poll(() => cards('new')).toEqual(['T-0003', 'T-0001']);
    const first = column('new').querySelector<HTMLElement>('.board__card')!;
    first.focus();
    key(first, ' ');
    key(first, 'ArrowRight');
    key(first, 'Escape');
    expect(status()).toBe('Not moved: T-0003 stays in New.');
    expect(column('waiting-on-contact').dataset.drop).toBeUndefined();
    expect(t.sent).toEqual([]);
    key(first, 'ArrowDown');
    expect(document.activeElement?.querySelector('.board__number')?.textContent).toBe('T-0001');
    // Past the empty column, to the next with cards.
    key(document.activeElement!, 'ArrowRight');
    expect(document.activeElement?.querySelector('.board__number')?.textContent).toBe('T-0002');
    expect(column('waiting-on-us').querySelector('.board__card')!.getAttribute('tabindex')).toBe('0');
  });

  it('a card dropped on another column with the mouse changes its stage', async () => {
    const t = await deskWith(['a']);
    const { cards, column } = mount(t.db, t.call);
    await expect.poll(() => cards('new')).toEqual(['T-0001']);
    const card = column('new').querySelector('.board__card')!;
    const target = column('waiting-on-us');
    act(() => void card.dispatchEvent(new Event('dragstart', { bubbles: true })));
    const over = new Event('dragover', { bubbles: true, cancelable: true });
    act(() => void target.dispatchEvent(over));
    expect(over.defaultPrevented).toBe(true);
    expect(target.dataset.drop).toBe('true');
    act(() => void target.dispatchEvent(new Event('drop', { bubbles: true, cancelable: true })));
    await expect.poll(() => cards('waiting-on-us')).toEqual(['T-0001']);
    expect(t.sent).toEqual([expect.objectContaining({ type: 'setTicketStage', stageId: 'waiting-on-us' })]);
  });

  it('a column shows one page of cards, and the next at its end', async () => {
    const db = openTestDatabase();
    await putTickets(
      db,
      Array.from({ length: BOARD_PAGE + 5 }, (_, i) => ticketRecord(i + 1)),
    );
    const { root, cards } = mount(db, (async () => undefined) as never);
    await expect.poll(async () => (await cards('new')).length).toBe(BOARD_PAGE);
    const more = [...root.querySelectorAll('button')].find((x) => x.textContent === 'Show 5 more')!;
    act(() => more.click());
    await expect.poll(async () => (await cards('new')).length).toBe(BOARD_PAGE + 5);
    expect([...root.querySelectorAll('button')].some((x) => x.textContent?.startsWith('Show'))).toBe(false);
  });
});
