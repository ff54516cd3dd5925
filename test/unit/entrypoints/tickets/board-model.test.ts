import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, type Settings, type Ticket } from '@/domain';
import { BOARD_PAGE, COLUMN_SCAN, loadBoard } from '@/entrypoints/tickets/board-model';
import { DEFAULT_VIEW, type TicketsView } from '@/entrypoints/tickets/view';
import type { SidedeskDatabase } from '@/store/database';
import { ACCOUNT, COLLEAGUE, convId, observe, rid, ticketRecord } from '@/test/support/builders';
import { createTestDesk, openTestDatabase, putTickets } from '@/test/support/store';
import { countTicketReads } from '@/test/support/read-counter';

const STAGES = ['new', 'waiting-on-contact', 'waiting-on-us', 'closed'];

/** Ticket `n` in `stageId`, its last change at `updatedAt` (by default its number). */
function ticket(n: number, over: Partial<Ticket> = {}): Ticket {
  const stageId = over.stageId ?? 'new';
  return { ...ticketRecord(n), stageId, closedAt: stageId === 'closed' ? n : null, ...over };
}

const view = (over: Partial<TicketsView> = {}): TicketsView => ({ ...DEFAULT_VIEW, mode: 'board', ...over });

/** The board as numbers: each column's stage, its cards' numbers and its count. */
async function board(db: SidedeskDatabase, over: Partial<TicketsView> = {}, perColumn: Record<string, number> = {}) {
  const model = await loadBoard(db, view(over), perColumn);
  return model.columns.map((c) => ({ stage: c.stage.id, cards: c.tickets.map((t) => t.number), count: c.count, exact: c.exact }));
}

describe('the board by stage', () => {
  it('has a column per stage of the pipeline, newest change first, each counted', async () => {
    const db = openTestDatabase();
    await putTickets(db, [
      ...[1, 2, 3, 4, 5].map((n) => ticket(n)),
      ticket(6, { stageId: 'waiting-on-us', updatedAt: 100 }),
      ticket(7, { stageId: 'waiting-on-us', updatedAt: 50 }),
      ticket(8, { stageId: 'closed' }),
    ]);
    expect(await board(db)).toEqual([
      { stage: 'new', cards: [5, 4, 3, 2, 1], count: 5, exact: true },
      { stage: 'waiting-on-contact', cards: [], count: 0, exact: true },
      { stage: 'waiting-on-us', cards: [6, 7], count: 2, exact: true },
      { stage: 'closed', cards: [8], count: 1, exact: true },
    ]);
  });

  it('shows the first page of each column, and each column pages on its own', async () => {
    const db = openTestDatabase();
    await putTickets(db, [
      ...Array.from({ length: 60 }, (_, i) => ticket(i + 1)),
      ...Array.from({ length: 30 }, (_, i) => ticket(i + 101, { stageId: 'closed' })),
    ]);
    const first = await board(db);
    expect(first.map((c) => [c.stage, c.cards.length, c.count])).toEqual([
      ['new', BOARD_PAGE, 60],
      ['waiting-on-contact', 0, 0],
      ['waiting-on-us', 0, 0],
      ['closed', BOARD_PAGE, 30],
    ]);
    expect(first[0]!.cards.slice(0, 3)).toEqual([60, 59, 58]);
    const more = await board(db, {}, { new: 2 * BOARD_PAGE });
    expect(more[0]!.cards).toEqual(Array.from({ length: 2 * BOARD_PAGE }, (_, i) => 60 - i));
    expect(more[3]!.cards).toHaveLength(BOARD_PAGE);
    // Whether a column has more than it shows: the next page is offered only then.
    const paged = async (perColumn: Record<string, number>) =>
      (await loadBoard(db, view(), perColumn)).columns.map((c) => [c.stage.id, c.more]);
    expect(await paged({})).toEqual([
      ['new', true],
      ['waiting-on-contact', false],
      ['waiting-on-us', false],
      ['closed', true],
    ]);
    expect(await paged({ new: 60, closed: 30 })).toEqual([
      ['new', false],
      ['waiting-on-contact', false],
      ['waiting-on-us', false],
      ['closed', false],
    ]);
  });

  it('shows one pipeline: the one the view names, or the first', async () => {
    const db = openTestDatabase();
    const settings: Settings = {
      ...DEFAULT_SETTINGS,
      pipelines: [
        ...DEFAULT_SETTINGS.pipelines,
        {
          id: 'sales',
          label: 'Sales',
          stages: [
            { id: 'lead', label: 'Lead', state: 'open' },
            { id: 'won', label: 'Won', state: 'closed' },
          ],
        },
      ],
    };
    await db.settings.put({ key: 'settings', value: settings });
    await putTickets(db, [
      ticket(1),
      ticket(2, { pipelineId: 'sales', stageId: 'lead' }),
      ticket(3, { pipelineId: 'sales', stageId: 'new' }),
    ]);
    expect((await board(db)).map((c) => [c.stage, c.cards])).toEqual([
      ['new', [1]],
      ['waiting-on-contact', []],
      ['waiting-on-us', []],
      ['closed', []],
    ]);
    expect((await board(db, { pipeline: 'sales' })).map((c) => [c.stage, c.cards])).toEqual([
      ['lead', [2]],
      ['won', []],
    ]);
    // A stage filter of another pipeline brings its pipeline.
    expect((await board(db, { stage: 'sales:lead' })).map((c) => [c.stage, c.cards])).toEqual([['lead', [2]]]);
  });

  it('a stage filter keeps only its columns', async () => {
    const db = openTestDatabase();
    await putTickets(
      db,
      STAGES.map((stageId, i) => ticket(i + 1, { stageId })),
    );
    expect((await board(db, { stage: 'open' })).map((c) => c.stage)).toEqual(['new', 'waiting-on-contact', 'waiting-on-us']);
    expect((await board(db, { stage: 'closed' })).map((c) => c.stage)).toEqual(['closed']);
    expect((await board(db, { stage: 'support:waiting-on-us' })).map((c) => c.stage)).toEqual(['waiting-on-us']);
    expect((await board(db, { stage: 'waiting' })).map((c) => c.stage)).toEqual(['new', 'waiting-on-us']);
    expect(await board(db, { stage: 'support:nothing' })).toEqual([]);
  });

  it('applies the filters to every column, counting what matches', async () => {
    const db = openTestDatabase();
    await putTickets(
      db,
      Array.from({ length: 40 }, (_, i) =>
        ticket(i + 1, {
          stageId: STAGES[i % 4]!,
          priority: i % 2 === 0 ? 'high' : 'low',
          ownerId: i % 5 === 0 ? COLLEAGUE : null,
          category: i < 8 ? 'Billing' : null,
          contactEmail: i % 10 === 3 ? 'anna@klient.pl' : null,
        }),
      ),
    );
    // Priority high: tickets 1, 3, 5, … i.e. the first and the third stage.
    const high = await board(db, { priority: 'high' });
    expect(high.map((c) => c.count)).toEqual([10, 0, 10, 0]);
    expect(high[0]!.cards.slice(0, 3)).toEqual([37, 33, 29]);
    expect((await board(db, { owner: COLLEAGUE })).map((c) => c.cards)).toEqual([
      [21, 1],
      [26, 6],
      [31, 11],
      [36, 16],
    ]);
    expect((await board(db, { category: 'billing' })).map((c) => c.cards)).toEqual([
      [5, 1],
      [6, 2],
      [7, 3],
      [8, 4],
    ]);
    expect((await board(db, { contact: 'anna@klient.pl' })).map((c) => c.cards)).toEqual([[], [34, 14], [], [24, 4]]);
    expect((await board(db, { owner: 'unassigned', priority: 'low' })).map((c) => c.count)).toEqual([0, 8, 0, 8]);
    // Every count is exact at this size.
    expect((await board(db, { priority: 'low' })).every((c) => c.exact)).toBe(true);
  });

  it('applies the search, by a word, a contact and a number', async () => {
    const t = await createTestDesk();
    for (const [thread, name, email] of [
      ['a', 'Anna Kowalska', 'anna@klient.pl'],
      ['b', 'Jan Nowak', 'jan@sklep.pl'],
      ['c', 'Jan Kowal', 'kowal@firma.pl'],
    ] as const) {
      await t.desk.execute(observe(thread, { contact: { email, name }, participants: [] }));
      t.tick();
      await t.desk.execute({
        type: 'createTicket',
        requestId: rid(),
        actor: ACCOUNT,
        conversationId: convId(thread),
        draft: { name: `Order of ${name}` },
      });
      t.tick();
    }
    const [first] = await t.db.tickets.where('number').equals(1).toArray();
    await t.desk.execute({
      type: 'setTicketStage',
      requestId: rid(),
      actor: ACCOUNT,
      ticketId: first!.id,
      rev: first!.rev,
      stageId: 'closed',
    });
    expect((await board(t.db, { q: 'kowal' })).map((c) => [c.stage, c.cards, c.count])).toEqual([
      ['new', [3], 1],
      ['waiting-on-contact', [], 0],
      ['waiting-on-us', [], 0],
      ['closed', [1], 1],
    ]);
    expect((await board(t.db, { q: 'jan@sklep' })).map((c) => c.cards)).toEqual([[2], [], [], []]);
    expect((await board(t.db, { q: 'T-0003' })).map((c) => c.cards)).toEqual([[3], [], [], []]);
    // With a filter too: the search's open tickets only.
    expect((await board(t.db, { q: 'kowal', stage: 'open' })).map((c) => [c.stage, c.cards])).toEqual([
      ['new', [3]],
      ['waiting-on-contact', []],
      ['waiting-on-us', []],
    ]);
  });

  it("reads the shown cards' conversations (open and all) and contacts' names, for those cards only", async () => {
    const t = await createTestDesk();
    for (const thread of ['a', 'b', 'c']) await t.desk.execute(observe(thread));
    await t.desk.execute({ type: 'createTicket', requestId: rid(), actor: ACCOUNT, conversationId: convId('a'), draft: {} });
    const [made] = await t.db.tickets.toArray();
    await t.desk.execute({
      type: 'addConversationToTicket',
      requestId: rid(),
      actor: ACCOUNT,
      conversationId: convId('b'),
      ticketId: made!.id,
    });
    const b = (await t.db.conversations.get(convId('b')))!;
    await t.desk.execute({ type: 'closeConversation', requestId: rid(), actor: ACCOUNT, conversationId: b.id, rev: b.rev });
    const model = await loadBoard(t.db, view(), {});
    expect(model.conversations.get(made!.id)).toEqual({ all: 2, open: 1 });
    expect(model.contactNames.get('customer-a@klient.pl')).toBe('Customer a');
    expect(model.me).toEqual([ACCOUNT]);
  });

  it('is bounded: 4,000 tickets in a stage open the board reading only the cards it shows, counted exactly from the kept counts', async () => {
    const db = openTestDatabase();
    await putTickets(
      db,
      Array.from({ length: 4000 }, (_, i) => ticket(i + 1, { stageId: i < 3900 ? 'new' : 'closed' })),
    );
    const reads = countTicketReads(db);
    await db.open();
    const columns = await board(db);
    expect(columns.map((c) => [c.cards.length, c.count, c.exact])).toEqual([
      [BOARD_PAGE, 3900, true],
      [0, 0, true],
      [0, 0, true],
      [BOARD_PAGE, 100, true],
    ]);
    // Each column's cards and one more (whether there are more); its count one key, no ticket.
    expect(reads.values).toBe(2 * (BOARD_PAGE + 1));
    expect(reads.keys).toBe(0);
    // The next page of one column reads that column's cards only.
    reads.values = 0;
    await board(db, {}, { new: 2 * BOARD_PAGE });
    expect(reads.values).toBe(2 * BOARD_PAGE + 1 + BOARD_PAGE + 1);
  });

  it('is bounded under a filter no index serves: each column reads its most recent tickets, and says the count is a floor', async () => {
    const db = openTestDatabase();
    const size = COLUMN_SCAN + 500;
    await putTickets(
      db,
      Array.from({ length: size }, (_, i) => ticket(i + 1, { priority: i % 2 ? 'low' : 'high' })),
    );
    const reads = countTicketReads(db);
    await db.open();
    const [column] = await board(db, { priority: 'high' });
    expect(column).toEqual({
      stage: 'new',
      cards: Array.from({ length: BOARD_PAGE }, (_, i) => size - 1 - 2 * i),
      count: COLUMN_SCAN / 2,
      exact: false,
    });
    expect(reads.values).toBeLessThanOrEqual(COLUMN_SCAN + 1);
  });
});
