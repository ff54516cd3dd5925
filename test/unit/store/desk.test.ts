import fc from 'fast-check';
import { countsOf } from '@/store/ticket-counts';
import { searchRowsOf } from '@/store/import';
import type { TicketWordsRecord } from '@/store/database';
import { describe, expect, it } from 'vitest';
import type { DBCore } from 'dexie';
import { CAPS } from '@/domain';
import { COLLEAGUE, convId, observe, rid } from '@/test/support/builders';
import { intents, seedCommands, toCommand } from '@/test/support/intents';
import { checkState, checkStep } from '@/test/support/invariants';
import { createMemoryDesk, type MemoryState } from '@/test/support/memory-desk';
import { createTestDesk, createTestDeskWithTicket, dumpState } from '@/test/support/store';

/** The state as sorted plain data: IndexedDB returns records in key order, the model in insertion order. */
function comparable(m: MemoryState) {
  const sorted = <V>(map: Map<string, V>) => [...map].sort(([a], [b]) => a.localeCompare(b));
  return {
    ...m,
    tickets: sorted(m.tickets),
    conversations: sorted(m.conversations),
    contacts: sorted(m.contacts),
    timeline: sorted(m.timeline),
    trash: sorted(m.trash),
  };
}

/** The search rows an import would build from `state`: every ticket's words from scratch. */
const searchRowsFrom = (state: MemoryState) =>
  searchRowsOf({
    tickets: [...state.tickets.values()],
    conversations: [...state.conversations.values()],
    contacts: [...state.contacts.values()],
  });
const byTicket = (rows: TicketWordsRecord[]) => [...rows].sort((a, b) => a.ticketId.localeCompare(b.ticketId));

const withTicket = (threads: string[]) => createTestDeskWithTicket(threads);

describe('store: the cascade through Dexie on a real IndexedDB', () => {
  it('gives the same states as the pure model for any command sequence', async () => {
    await fc.assert(
      fc.asyncProperty(intents(30), async (list) => {
        const store = await createTestDesk();
        const model = createMemoryDesk();
        model.state.settings.team.push({ id: COLLEAGUE, name: 'Colleague', email: COLLEAGUE });
        for (const input of seedCommands()) {
          await model.run(input);
          await store.desk.execute(input);
        }
        for (const i of list) {
          const before = await dumpState(store.db);
          const input = toCommand(i, model.state);
          const [expected, actual] = [await model.run(input), await store.desk.execute(input)];
          const after = await dumpState(store.db);
          expect(actual.ok).toBe(expected.ok);
          checkStep(before, input, actual, after);
          checkState(after);
          expect(comparable(after), `after ${input.type}`).toEqual(comparable(model.state));
          // The counts kept with every write are the counts of what is stored.
          expect(await store.db.ticketCounts.toArray(), `counts after ${input.type}`).toEqual(countsOf(await store.db.tickets.toArray()));
          // So are the search rows: each ticket's words, at its last change, as built from scratch.
          expect(byTicket(await store.db.ticketWords.toArray()), `search rows after ${input.type}`).toEqual(
            byTicket(searchRowsFrom(after)),
          );
          model.tick();
          store.tick();
        }
      }),
      { numRuns: 15 },
    );
  }, 120_000);

  it('rule 3 end to end: closing the ticket closes both conversations in one transaction', async () => {
    const { desk, db, ticket } = await withTicket(['a', 'b']);
    const out = await desk.execute({
      type: 'setTicketStage',
      requestId: rid(),
      actor: 'agent',
      ticketId: ticket.id,
      rev: ticket.rev,
      stageId: 'closed',
    });
    expect(out.ok && out.data.cascade.length).toBe(2);
    expect((await db.conversations.where('state').equals('closed').primaryKeys()).sort()).toEqual([convId('a'), convId('b')]);
  });

  it('applies a request id once: a replay returns the first result and writes nothing', async () => {
    const { desk, db, ticket } = await withTicket(['a']);
    const input = {
      type: 'setTicketStage' as const,
      requestId: 'same-request',
      actor: 'agent',
      ticketId: ticket.id,
      rev: ticket.rev,
      stageId: 'closed',
    };
    const first = await desk.execute(input);
    const state = await dumpState(db);
    const second = await desk.execute(input);
    expect(second).toEqual({ ...first, replayed: true });
    expect(await dumpState(db)).toEqual(state);
  });

  it('refuses a request id reused for another command instead of answering with the first result', async () => {
    const { desk, db, ticket } = await withTicket(['a']);
    await desk.execute({
      type: 'setTicketStage',
      requestId: 'reused',
      actor: 'agent',
      ticketId: ticket.id,
      rev: ticket.rev,
      stageId: 'closed',
    });
    const state = await dumpState(db);
    const other = await desk.execute({
      type: 'followContact',
      requestId: 'reused',
      actor: 'agent',
      email: 'customer-a@klient.pl',
      followed: true,
    });
    expect(other).toMatchObject({ ok: false, error: { code: 'invalid' } });
    expect(await dumpState(db)).toEqual(state);
  });

  it('rejects a stale revision with a conflict and writes nothing', async () => {
    const { desk, db, ticket } = await withTicket(['a']);
    await desk.execute({
      type: 'updateTicket',
      requestId: rid(),
      actor: 'other-tab',
      ticketId: ticket.id,
      rev: ticket.rev,
      changes: { priority: 'high' },
    });
    const state = await dumpState(db);
    const stale = await desk.execute({
      type: 'setTicketStage',
      requestId: rid(),
      actor: 'agent',
      ticketId: ticket.id,
      rev: ticket.rev,
      stageId: 'closed',
    });
    expect(stale).toMatchObject({ ok: false, error: { code: 'conflict' } });
    expect(await dumpState(db)).toEqual(state);
  });

  it('a failure in the middle of a cascade leaves nothing written, and the retry then works', async () => {
    const { desk, db, ticket } = await withTicket(['a', 'b']);
    let failConversations = true;
    // Dexie builds its middleware stack when the database opens.
    db.close();
    // Fault injected at the IndexedDB boundary: the ticket is already written in this
    // transaction when the conversations' write fails.
    db.use({
      stack: 'dbcore',
      name: 'fault',
      create: (down: DBCore): DBCore => ({
        ...down,
        table(name) {
          const table = down.table(name);
          return {
            ...table,
            mutate(req) {
              if (failConversations && name === 'conversations' && req.type === 'put') {
                return Promise.reject(new Error('disk full (injected)'));
              }
              return table.mutate(req);
            },
          };
        },
      }),
    });
    await db.open();
    const state = await dumpState(db);
    const input = {
      type: 'setTicketStage' as const,
      requestId: 'close-1',
      actor: 'agent',
      ticketId: ticket.id,
      rev: ticket.rev,
      stageId: 'closed',
    };
    const failed = await desk.execute(input);
    expect(failed).toMatchObject({ ok: false, error: { code: 'internal' } });
    expect(failed.ok || failed.error.message).toBe('The browser could not store it.');
    expect(await dumpState(db)).toEqual(state);
    expect(await db.requests.get('close-1')).toBeUndefined();

    failConversations = false;
    const retried = await desk.execute(input);
    expect(retried.ok).toBe(true);
    expect((await db.tickets.get(ticket.id))!.stageId).toBe('closed');
    expect((await db.conversations.toArray()).map((c) => c.state)).toEqual(['closed', 'closed']);
  });

  it('refuses to store a record that breaks its schema, writing nothing', async () => {
    const t = await createTestDesk();
    // A settings record without an open stage makes every new ticket's stage invalid.
    await t.db.settings.put({
      key: 'settings',
      value: {
        displayedProperties: [],
        team: [],
        pipelines: [{ id: 'p', label: 'P', stages: [{ id: 'x', label: 'X', state: 'closed' }] }],
      } as never,
    });
    await t.desk.execute(observe('a'));
    // The corrupt settings fall back to the defaults rather than break the desk.
    const created = await t.desk.execute({
      type: 'createTicket',
      requestId: rid(),
      actor: 'agent',
      conversationId: convId('a'),
      draft: {},
    });
    expect(created.ok && created.data.ticket!.stageId).toBe('new');
  });

  it('refuses a malformed command before opening a transaction', async () => {
    const t = await createTestDesk();
    for (const bad of [
      undefined,
      {},
      { type: 'dropDatabase' },
      { type: 'observe', requestId: 'r', actor: 'a', observation: { provider: 'gmail' } },
    ]) {
      expect(await t.desk.execute(bad)).toMatchObject({ ok: false, error: { code: 'invalid' } });
    }
    expect(await t.db.requests.count()).toBe(0);
  });

  it('records which conversation a webmail tab shows, in the same transaction as the observation', async () => {
    const t = await createTestDesk();
    await t.desk.execute(observe('a'), { tabId: 7, url: 'https://mail.google.com/mail/u/0/#inbox/a' });
    expect(await t.db.tabs.get(7)).toMatchObject({ conversationId: convId('a'), health: { status: 'ok' } });
  });

  it('answers the UI queries from indexes', async () => {
    const { db, desk, ticket } = await withTicket(['a', 'b']);
    await desk.execute(observe('c'));
    expect(await db.conversations.where('ticketId').equals(ticket.id).count()).toBe(2);
    expect(await db.conversations.where('contactEmail').equals('customer-c@klient.pl').count()).toBe(1);
    expect(await db.conversations.where('state').equals('open').count()).toBe(3);
    expect(await db.tickets.where('stageId').equals('new').count()).toBe(1);
    expect(await db.tickets.where('ownerId').equals('agent@sidedesk.test').count()).toBe(1);
    expect(await db.tickets.where('contactEmail').equals('customer-a@klient.pl').count()).toBe(1);
    expect((await db.tickets.orderBy('updatedAt').reverse().first())!.id).toBe(ticket.id);
    expect(await db.timeline.where('[ticketId+at]').between([ticket.id, 0], [ticket.id, Infinity]).count()).toBeGreaterThan(0);
    expect(await db.contacts.get('customer-b@klient.pl')).toBeDefined();
  });
});

describe('what an agent reads when a change is refused', () => {
  it('a free property name of the longest allowed length is stored, with its timeline entry', async () => {
    const t = await createTestDesk();
    await t.desk.execute(observe('a'));
    const created = await t.desk.execute({
      type: 'createTicket',
      requestId: rid(),
      actor: 'agent',
      conversationId: convId('a'),
      draft: {},
    });
    const ticket = created.ok ? created.data.ticket! : null;
    const name = 'n'.repeat(CAPS.propertyName);
    const out = await t.desk.execute({
      type: 'updateTicket',
      requestId: rid(),
      actor: 'agent',
      ticketId: ticket!.id,
      rev: ticket!.rev,
      changes: { properties: { [name]: 'x' } },
    });
    expect(out.ok).toBe(true);
    expect((await t.db.timeline.where('ticketId').equals(ticket!.id).toArray()).some((e) => e.field === `properties.${name}`)).toBe(true);
  });

  it('a refusal is one sentence naming what was wrong, never a schema dump', async () => {
    const t = await createTestDesk();
    await t.desk.execute(observe('a'));
    const created = await t.desk.execute({
      type: 'createTicket',
      requestId: rid(),
      actor: 'agent',
      conversationId: convId('a'),
      draft: {},
    });
    const ticket = created.ok ? created.data.ticket! : null;
    const tooLong = await t.desk.execute({
      type: 'updateTicket',
      requestId: rid(),
      actor: 'agent',
      ticketId: ticket!.id,
      rev: ticket!.rev,
      changes: { properties: { ['n'.repeat(CAPS.propertyName + 1)]: 'x' } },
    });
    expect(tooLong).toMatchObject({
      ok: false,
      error: { code: 'invalid', message: 'The name of a property is longer than 100 characters.' },
    });
    const missing = await t.desk.execute({
      type: 'setTicketStage',
      requestId: rid(),
      actor: 'agent',
      ticketId: ticket!.id,
      rev: ticket!.rev,
    });
    expect(missing.ok || missing.error.message).toBe('The stage is missing.');
    for (const outcome of [tooLong, missing]) expect(outcome.ok || outcome.error.message).not.toMatch(/[{[]|"code"|expected/);
  });
});
