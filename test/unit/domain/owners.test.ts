import { describe, expect, it } from 'vitest';
import { RULES } from '@/domain';
import { ACCOUNT, COLLEAGUE, convId } from '@/test/support/builders';
import { cmd, deskWith, ok, refused, ticketOn } from '@/test/support/scenario';

describe('rule 2: owners flow one way', () => {
  it.each([
    ['to a colleague', COLLEAGUE],
    ['to nobody', null],
  ])('changing a conversation owner %s sets the ticket owner, as a cascade', async (_name, ownerId) => {
    const desk = await deskWith('a', 'b');
    const ticket = await ticketOn(desk, 'a', 'b');
    const conv = desk.state.conversations.get(convId('a'))!;
    const { data } = await ok(desk.run(cmd({ type: 'setConversationOwner', conversationId: conv.id, rev: conv.rev, ownerId })));
    expect(desk.state.tickets.get(ticket.id)!.ownerId).toBe(ownerId);
    expect(data.cascade).toEqual([expect.objectContaining({ field: 'ownerId', ticketId: ticket.id, rule: RULES.ownerFlowsToTicket })]);
    // The other conversation of the ticket keeps its owner.
    expect(desk.state.conversations.get(convId('b'))!.ownerId).toBe(ACCOUNT);
  });

  it('changing a ticket owner leaves every conversation owner as it is', async () => {
    const desk = await deskWith('a', 'b');
    const ticket = await ticketOn(desk, 'a', 'b');
    const { data } = await ok(desk.run(cmd({ type: 'setTicketOwner', ticketId: ticket.id, rev: ticket.rev, ownerId: COLLEAGUE })));
    expect(data.ticket!.ownerId).toBe(COLLEAGUE);
    expect(data.cascade).toEqual([]);
    for (const c of desk.state.conversations.values()) expect(c.ownerId).toBe(ACCOUNT);
  });

  it('a conversation without a ticket changes owner alone', async () => {
    const desk = await deskWith('a');
    const conv = desk.state.conversations.get(convId('a'))!;
    const { data } = await ok(desk.run(cmd({ type: 'setConversationOwner', conversationId: conv.id, rev: conv.rev, ownerId: COLLEAGUE })));
    expect(data.conversation!.ownerId).toBe(COLLEAGUE);
    expect(desk.state.tickets.size).toBe(0);
  });

  it('when the ticket already has that owner, only the conversation changes', async () => {
    const desk = await deskWith('a');
    const ticket = await ticketOn(desk, 'a');
    await ok(desk.run(cmd({ type: 'setTicketOwner', ticketId: ticket.id, rev: ticket.rev, ownerId: COLLEAGUE })));
    const conv = desk.state.conversations.get(convId('a'))!;
    const { data } = await ok(desk.run(cmd({ type: 'setConversationOwner', conversationId: conv.id, rev: conv.rev, ownerId: COLLEAGUE })));
    expect(data.cascade).toEqual([]);
    expect(desk.state.tickets.get(ticket.id)!.rev).toBe(ticket.rev + 1);
  });

  it.each(['setConversationOwner', 'setTicketOwner'] as const)('%s refuses an owner who is not on the team', async (type) => {
    const desk = await deskWith('a');
    const ticket = await ticketOn(desk, 'a');
    const conv = desk.state.conversations.get(convId('a'))!;
    const input =
      type === 'setTicketOwner'
        ? cmd({ type, ticketId: ticket.id, rev: ticket.rev, ownerId: 'stranger@x.test' })
        : cmd({ type, conversationId: conv.id, rev: conv.rev, ownerId: 'stranger@x.test' });
    await refused(desk, input, 'unknown-owner');
  });
});
