import { describe, expect, it } from 'vitest';
import { RULES } from '@/domain';
import { convId } from '@/test/support/builders';
import { cmd, deskWith, ok, refused, stateOf, ticketOn, type TestDesk } from '@/test/support/scenario';

async function closeConv(desk: TestDesk, thread: string) {
  const c = desk.state.conversations.get(convId(thread))!;
  await ok(desk.run(cmd({ type: 'closeConversation', conversationId: c.id, rev: c.rev })));
}

async function setStage(desk: TestDesk, ticketId: string, stageId: string) {
  const t = desk.state.tickets.get(ticketId)!;
  return ok(desk.run(cmd({ type: 'setTicketStage', ticketId, rev: t.rev, stageId })));
}

describe('rule 3: closing a ticket closes its conversations', () => {
  it.each([
    { threads: ['a'], closedBefore: [] as string[] },
    { threads: ['a', 'b'], closedBefore: [] },
    { threads: ['a', 'b', 'c'], closedBefore: ['b'] },
  ])('ticket with $threads (closed before: $closedBefore)', async ({ threads, closedBefore }) => {
    const desk = await deskWith(...threads);
    const ticket = await ticketOn(desk, threads[0]!, ...threads.slice(1));
    for (const t of closedBefore) await closeConv(desk, t);
    const { data } = await setStage(desk, ticket.id, 'closed');
    for (const t of threads) expect(stateOf(desk, t)).toBe('closed');
    expect(data.ticket!.closedAt).not.toBeNull();
    // One cascade entry for each conversation that was open.
    expect(data.cascade.map((e) => e.conversationId).sort()).toEqual(
      threads
        .filter((t) => !closedBefore.includes(t))
        .map((t) => convId(t))
        .sort(),
    );
    expect(data.cascade.every((e) => e.rule === RULES.closeTicketClosesConversations)).toBe(true);
  });

  it('moving between open stages touches no conversation', async () => {
    const desk = await deskWith('a');
    const ticket = await ticketOn(desk, 'a');
    await closeConv(desk, 'a');
    const { data } = await setStage(desk, ticket.id, 'waiting-on-us');
    expect(data.cascade).toEqual([]);
    expect(stateOf(desk, 'a')).toBe('closed');
  });
});

describe('rule 4: reopening a ticket reopens a lone conversation', () => {
  it.each([
    { threads: ['a'], reopened: ['a'] },
    { threads: ['a', 'b'], reopened: [] as string[] },
    { threads: ['a', 'b', 'c'], reopened: [] },
  ])('ticket with $threads reopens $reopened', async ({ threads, reopened }) => {
    const desk = await deskWith(...threads);
    const ticket = await ticketOn(desk, threads[0]!, ...threads.slice(1));
    await setStage(desk, ticket.id, 'closed');
    const { data } = await setStage(desk, ticket.id, 'waiting-on-contact');
    for (const t of threads) expect(stateOf(desk, t)).toBe(reopened.includes(t) ? 'open' : 'closed');
    expect(data.ticket!.closedAt).toBeNull();
    expect(data.cascade.map((e) => e.rule)).toEqual(reopened.map(() => RULES.reopenTicketReopensLoneConversation));
  });

  it('the same stage again is a no-op with no timeline entry', async () => {
    const desk = await deskWith('a');
    const ticket = await ticketOn(desk, 'a');
    const before = desk.state.timeline.size;
    const { data } = await setStage(desk, ticket.id, 'new');
    expect(data.changed).toBe(false);
    expect(desk.state.timeline.size).toBe(before);
  });

  it('refuses a stage that is not in the ticket pipeline', async () => {
    const desk = await deskWith('a');
    const ticket = await ticketOn(desk, 'a');
    await refused(desk, cmd({ type: 'setTicketStage', ticketId: ticket.id, rev: ticket.rev, stageId: 'archived' }), 'unknown-stage');
  });
});

describe('rule 5: closing a conversation closes only the conversation', () => {
  it.each([1, 2])('ticket with %i conversation(s) keeps its stage and revision', async (n) => {
    const threads = ['a', 'b'].slice(0, n);
    const desk = await deskWith(...threads);
    const ticket = await ticketOn(desk, threads[0]!, ...threads.slice(1));
    await closeConv(desk, 'a');
    expect(desk.state.tickets.get(ticket.id)).toEqual(ticket);
    expect(stateOf(desk, 'a')).toBe('closed');
    if (n === 2) expect(stateOf(desk, 'b')).toBe('open');
  });

  it('reopening a conversation of a closed ticket reopens the ticket into its reopen stage, saying why', async () => {
    const desk = await deskWith('a');
    const ticket = await ticketOn(desk, 'a');
    await setStage(desk, ticket.id, 'closed');
    const c = desk.state.conversations.get(convId('a'))!;
    const result = await ok(desk.run(cmd({ type: 'reopenConversation', conversationId: c.id, rev: c.rev })));
    expect(stateOf(desk, 'a')).toBe('open');
    const after = desk.state.tickets.get(ticket.id)!;
    expect(after).toMatchObject({ stageId: 'waiting-on-us', closedAt: null });
    expect(result.data.cascade).toEqual([
      expect.objectContaining({ field: 'stageId', from: 'closed', to: 'waiting-on-us', rule: 'reopen-conversation-reopens-ticket' }),
    ]);
  });
});
