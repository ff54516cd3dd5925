import { describe, expect, it } from 'vitest';
import type { Ticket } from '@/domain';
import { createHandlers } from '@/background/handlers';
import { createRouter } from '@/background/router';
import { createClient, type Client } from '@/messaging/client';
import { bulkCommands, sendBulk, summarize, undoCommands, BULK_CHUNK } from '@/pages/bulk';
import { observe, rid } from '@/test/support/builders';
import { createTestDesk } from '@/test/support/store';

const PAGE = { id: 'sidedesk-id', url: 'chrome-extension://sidedesk-id/tickets.html' };

/** `n` tickets, the first `withTwo` of them with two conversations, the others with one. */
async function setup(n: number, withTwo = 0) {
  const env = await createTestDesk();
  const router = createRouter(createHandlers({ desk: env.desk, db: env.db, openTicketPage: async () => undefined }), {
    id: PAGE.id,
    origin: 'chrome-extension://sidedesk-id/',
  });
  const call: Client = createClient((message) => router.handle(message, PAGE));
  for (let i = 0; i < n; i++) {
    const first = (await env.desk.execute(observe(`t${i}`))) as { ok: true; data: { conversation: { id: string } } };
    const created = await env.desk.execute({
      type: 'createTicket',
      requestId: rid(),
      actor: 'agent',
      conversationId: first.data.conversation.id,
      draft: { name: `Ticket ${i}` },
    });
    if (!created.ok) throw new Error(created.error.message);
    if (i < withTwo) {
      const second = (await env.desk.execute(observe(`t${i}-b`))) as { ok: true; data: { conversation: { id: string } } };
      await env.desk.execute({
        type: 'addConversationToTicket',
        requestId: rid(),
        actor: 'agent',
        conversationId: second.data.conversation.id,
        ticketId: created.data.ticket!.id,
      });
    }
  }
  const tickets = (await env.db.tickets.orderBy('number').toArray()) as Ticket[];
  const counts = new Map<string, number>();
  for (const t of tickets) counts.set(t.id, await env.db.conversations.where('ticketId').equals(t.id).count());
  return { ...env, call, tickets, counts };
}

describe('bulk actions', () => {
  it('a bulk close is one command per ticket: each cascade closes its conversations, and the progress is told per chunk', async () => {
    const env = await setup(BULK_CHUNK + 10);
    const progress: number[] = [];
    const action = { kind: 'stage', stageId: 'closed' } as const;
    const results = await sendBulk(env.call, bulkCommands(action, env.tickets, env.counts), 'agent', (done) => progress.push(done));
    expect(progress).toEqual([BULK_CHUNK, BULK_CHUNK + 10]);
    expect(summarize(results)).toMatchObject({ changed: BULK_CHUNK + 10, closed: BULK_CHUNK + 10, refused: [] });
    expect(await env.db.conversations.where('state').equals('open').count()).toBe(0);
    // Each ticket's timeline says it was closed, as if done alone.
    for (const t of env.tickets) {
      const entries = await env.db.timeline.where('ticketId').equals(t.id).toArray();
      expect(entries.filter((e) => e.field === 'stageId' && e.to === 'closed')).toHaveLength(1);
    }

    // Every ticket had one conversation: Undo restores exactly, stage and conversations.
    const undo = undoCommands(action, env.tickets, results, env.counts)!;
    expect(undo).toHaveLength(BULK_CHUNK + 10);
    await sendBulk(env.call, undo, 'agent');
    expect((await env.db.tickets.toArray()).every((t) => t.stageId === 'new')).toBe(true);
    expect(await env.db.conversations.where('state').equals('closed').count()).toBe(0);
  });

  it('no Undo when a closed ticket had several conversations (reopening reopens a lone one only)', async () => {
    const env = await setup(3, 1);
    const action = { kind: 'stage', stageId: 'closed' } as const;
    const results = await sendBulk(env.call, bulkCommands(action, env.tickets, env.counts), 'agent');
    expect(summarize(results).closed).toBe(4);
    expect(undoCommands(action, env.tickets, results, env.counts)).toBeNull();
  });

  it('a ticket changed since the agent saw it is refused alone; the others change', async () => {
    const env = await setup(3);
    const stale = env.tickets.map((t, i) => (i === 1 ? { ...t, rev: t.rev + 5 } : t));
    const results = await sendBulk(env.call, bulkCommands({ kind: 'priority', priority: 'urgent' }, stale, env.counts), 'agent');
    const summary = summarize(results);
    expect(summary.changed).toBe(2);
    expect(summary.refused.map((e) => e.code)).toEqual(['conflict']);
    expect((await env.db.tickets.orderBy('number').toArray()).map((t) => t.priority)).toEqual(['urgent', 'medium', 'urgent']);
    const undo = undoCommands({ kind: 'priority', priority: 'urgent' }, stale, results, env.counts)!;
    expect(undo).toHaveLength(2);
    await sendBulk(env.call, undo, 'agent');
    expect((await env.db.tickets.toArray()).every((t) => t.priority === 'medium')).toBe(true);
  });

  it('owner and trash: Undo gives the owner back and restores every trashed group', async () => {
    const env = await setup(4, 2);
    const owner = { kind: 'owner', ownerId: 'colleague@sidedesk.test' } as const;
    const given = await sendBulk(env.call, bulkCommands(owner, env.tickets, env.counts), 'agent');
    expect(summarize(given).changed).toBe(4);
    const now = (await env.db.tickets.orderBy('number').toArray()) as Ticket[];
    const trashed = await sendBulk(env.call, bulkCommands({ kind: 'trash' }, now, env.counts), 'agent');
    expect(summarize(trashed).changed).toBe(4);
    expect(await env.db.tickets.count()).toBe(0);
    expect(await env.db.conversations.count()).toBe(0);
    await sendBulk(env.call, undoCommands({ kind: 'trash' }, now, trashed, env.counts)!, 'agent');
    expect(await env.db.tickets.count()).toBe(4);
    expect(await env.db.conversations.count()).toBe(6);
    const back = (await env.db.tickets.orderBy('number').toArray()) as Ticket[];
    await sendBulk(
      env.call,
      undoCommands(owner, env.tickets, given, env.counts)!.map((c, i) => ({ ...c, rev: back[i]!.rev })),
      'agent',
    );
    expect((await env.db.tickets.toArray()).map((t) => t.ownerId)).toEqual(env.tickets.map((t) => t.ownerId));
  });

  it('when the background stops answering, what was not sent is reported as not saved, and nothing after it is sent', async () => {
    const env = await setup(BULK_CHUNK + 5);
    let calls = 0;
    const flaky: Client = (async (name: string, data: unknown) => {
      calls += 1;
      if (calls > 1) throw new Error('no answer');
      return env.call(name as 'commands', data as never);
    }) as Client;
    const results = await sendBulk(flaky, bulkCommands({ kind: 'priority', priority: 'high' }, env.tickets, env.counts), 'agent');
    expect(results).toHaveLength(BULK_CHUNK + 5);
    expect(summarize(results)).toMatchObject({ changed: BULK_CHUNK });
    expect(summarize(results).refused).toHaveLength(5);
    expect(await env.db.tickets.where('[priority+updatedAt]').between(['high', 0], ['high', Infinity]).count()).toBe(BULK_CHUNK);
  });
});
