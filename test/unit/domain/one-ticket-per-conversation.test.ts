import { describe, expect, it } from 'vitest';
import { Command } from '@/domain';
import { convId } from '@/test/support/builders';
import { cmd, deskWith, ok, refused, ticketOn } from '@/test/support/scenario';

describe('rule 1: one ticket per conversation', () => {
  it('creating a ticket links the conversation, takes its subject, contact and owner', async () => {
    const desk = await deskWith('a');
    const { data } = await ok(desk.run(cmd({ type: 'createTicket', conversationId: convId('a'), draft: {} })));
    expect(data.ticket).toMatchObject({
      name: 'Subject a',
      number: 1,
      stageId: 'new',
      contactEmail: 'customer-a@klient.pl',
      ownerId: 'agent@sidedesk.test',
    });
    expect(desk.state.conversations.get(convId('a'))!.ticketId).toBe(data.ticket!.id);
  });

  it.each([
    ['a second ticket for a linked conversation', 'createTicket'],
    ['adding a linked conversation to another ticket', 'addConversationToTicket'],
  ])('refuses %s and writes nothing', async (_name, type) => {
    const desk = await deskWith('a', 'b');
    await ticketOn(desk, 'a');
    const other = await ticketOn(desk, 'b');
    const input =
      type === 'createTicket'
        ? cmd({ type: 'createTicket', conversationId: convId('a'), draft: {} })
        : cmd({ type: 'addConversationToTicket', conversationId: convId('a'), ticketId: other.id });
    await refused(desk, input, 'already-linked');
  });

  it('adds a conversation without a ticket to an existing ticket; a ticket may have several', async () => {
    const desk = await deskWith('a', 'b', 'c');
    const ticket = await ticketOn(desk, 'a', 'b', 'c');
    const linked = [...desk.state.conversations.values()].filter((c) => c.ticketId === ticket.id);
    expect(linked.map((c) => c.threadId).sort()).toEqual(['a', 'b', 'c']);
  });

  it('numbers tickets in order and never reuses a number after a delete', async () => {
    const desk = await deskWith('a', 'b');
    const first = await ticketOn(desk, 'a');
    await ok(desk.run(cmd({ type: 'deleteTicket', ticketId: first.id, rev: first.rev })));
    const second = await ticketOn(desk, 'b');
    expect([first.number, second.number]).toEqual([1, 2]);
  });

  it('has no unlink: no command removes a link', () => {
    for (const type of ['unlinkConversation', 'removeConversationFromTicket', 'unlink']) {
      expect(Command.safeParse({ type, requestId: 'r', actor: 'a', conversationId: convId('a') }).success).toBe(false);
    }
  });

  it.each([
    ['an unknown conversation', { conversationId: convId('nope'), draft: {} }, 'not-found'],
    ['an unknown stage', { conversationId: convId('a'), draft: { stageId: 'limbo' } }, 'unknown-stage'],
    ['an unknown pipeline', { conversationId: convId('a'), draft: { pipelineId: 'sales' } }, 'unknown-stage'],
    ['an unknown owner', { conversationId: convId('a'), draft: { ownerId: 'stranger' } }, 'unknown-owner'],
  ])('refuses a ticket for %s', async (_name, fields, code) => {
    const desk = await deskWith('a');
    await refused(desk, cmd({ type: 'createTicket', ...fields } as never), code);
  });

  it('a ticket created straight into a closed stage closes its conversation', async () => {
    const desk = await deskWith('a');
    const { data } = await ok(desk.run(cmd({ type: 'createTicket', conversationId: convId('a'), draft: { stageId: 'closed' } })));
    expect(data.ticket!.closedAt).not.toBeNull();
    expect(desk.state.conversations.get(convId('a'))!.state).toBe('closed');
  });
});
