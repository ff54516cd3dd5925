import { describe, expect, it } from 'vitest';
import { RULES } from '@/domain';
import { convId, observe } from '@/test/support/builders';
import { cloneState } from '@/test/support/memory-desk';
import { cmd, deskWith, ok, refused, ticketOn } from '@/test/support/scenario';

describe('rule 6: trashing a conversation deletes its ticket; deleting a ticket deletes its conversations', () => {
  it.each([
    { linked: ['a'], trash: 'a' },
    { linked: ['a', 'b', 'c'], trash: 'b' },
  ])('trashing $trash of a ticket with $linked takes the ticket and all of them', async ({ linked, trash }) => {
    const desk = await deskWith(...linked, 'other');
    const ticket = await ticketOn(desk, linked[0]!, ...linked.slice(1));
    const conv = desk.state.conversations.get(convId(trash))!;
    const { data } = await ok(desk.run(cmd({ type: 'trashConversation', conversationId: conv.id, rev: conv.rev })));
    expect(desk.state.tickets.has(ticket.id)).toBe(false);
    for (const t of linked) expect(desk.state.conversations.has(convId(t))).toBe(false);
    expect(desk.state.conversations.has(convId('other'))).toBe(true);
    const group = desk.state.trash.get(data.trashId!)!;
    expect(group.tickets.map((t) => t.id)).toEqual([ticket.id]);
    expect(group.conversations.map((c) => c.threadId).sort()).toEqual([...linked].sort());
    expect(data.cascade.find((e) => e.ticketId === ticket.id && e.field === 'deleted' && !e.conversationId)?.rule).toBe(
      RULES.trashConversationDeletesTicket,
    );
    expect(data.cascade.filter((e) => e.rule === RULES.deleteTicketDeletesConversations)).toHaveLength(linked.length - 1);
  });

  it('a group that grew after the confirmation is refused, and nothing goes (the agent confirmed fewer)', async () => {
    const desk = await deskWith('a', 'b');
    const ticket = await ticketOn(desk, 'a');
    const told = 1; // "This ticket and its conversations (1) will go to the trash."
    await ok(desk.run(cmd({ type: 'addConversationToTicket', conversationId: convId('b'), ticketId: ticket.id })));
    const conv = desk.state.conversations.get(convId('a'))!;
    await refused(desk, cmd({ type: 'trashConversation', conversationId: conv.id, rev: conv.rev, conversations: told }), 'conflict');
    const fresh = desk.state.tickets.get(ticket.id)!;
    await refused(desk, cmd({ type: 'deleteTicket', ticketId: fresh.id, rev: fresh.rev, conversations: told }), 'conflict');
    // Confirmed with the right number, it goes.
    await ok(desk.run(cmd({ type: 'deleteTicket', ticketId: fresh.id, rev: fresh.rev, conversations: 2 })));
    expect(desk.state.conversations.size).toBe(0);
  });

  it('trashing a conversation without a ticket takes only that conversation', async () => {
    const desk = await deskWith('a', 'b');
    const conv = desk.state.conversations.get(convId('a'))!;
    const { data } = await ok(desk.run(cmd({ type: 'trashConversation', conversationId: conv.id, rev: conv.rev })));
    expect(desk.state.trash.get(data.trashId!)!.conversations.map((c) => c.threadId)).toEqual(['a']);
    expect(desk.state.conversations.has(convId('b'))).toBe(true);
  });

  it('deleting a ticket deletes its conversations, each as a cascade', async () => {
    const desk = await deskWith('a', 'b');
    const ticket = await ticketOn(desk, 'a', 'b');
    const { data } = await ok(desk.run(cmd({ type: 'deleteTicket', ticketId: ticket.id, rev: ticket.rev })));
    expect(desk.state.conversations.size).toBe(0);
    expect(data.cascade.map((e) => e.rule)).toEqual([RULES.deleteTicketDeletesConversations, RULES.deleteTicketDeletesConversations]);
  });

  it('restoring gives back exactly the records and timeline, plus what says it was deleted and restored', async () => {
    const desk = await deskWith('a', 'b');
    const ticket = await ticketOn(desk, 'a', 'b');
    const before = cloneState(desk.state);
    const { data } = await ok(desk.run(cmd({ type: 'deleteTicket', ticketId: ticket.id, rev: ticket.rev })));
    const restored = await ok(desk.run(cmd({ type: 'restoreTrash', trashId: data.trashId! })));
    expect(desk.state.tickets).toEqual(before.tickets);
    expect(desk.state.conversations).toEqual(before.conversations);
    expect(desk.state.trash.size).toBe(0);
    for (const [id, entry] of before.timeline) expect(desk.state.timeline.get(id)).toEqual(entry);
    const added = [...desk.state.timeline.values()].filter((e) => !before.timeline.has(e.id)).map((e) => e.field);
    expect(added.sort()).toEqual(['deleted', 'deleted', 'deleted', 'restored', 'restored', 'restored']);
    expect(restored.data.ticket!.id).toBe(ticket.id);
  });

  it('a conversation seen again after the trash is replaced by its trashed version on restore', async () => {
    const desk = await deskWith('a');
    const ticket = await ticketOn(desk, 'a');
    const { data } = await ok(desk.run(cmd({ type: 'deleteTicket', ticketId: ticket.id, rev: ticket.rev })));
    desk.tick();
    await ok(desk.run(observe('a')));
    await ok(desk.run(cmd({ type: 'restoreTrash', trashId: data.trashId! })));
    expect(desk.state.conversations.get(convId('a'))!.ticketId).toBe(ticket.id);
  });

  it('refuses to restore over a conversation that got a new ticket, and writes nothing', async () => {
    const desk = await deskWith('a');
    const ticket = await ticketOn(desk, 'a');
    const { data } = await ok(desk.run(cmd({ type: 'deleteTicket', ticketId: ticket.id, rev: ticket.rev })));
    await ok(desk.run(observe('a')));
    await ticketOn(desk, 'a');
    await refused(desk, cmd({ type: 'restoreTrash', trashId: data.trashId! }), 'restore-collision');
  });

  it('refuses an unknown or already restored group', async () => {
    const desk = await deskWith('a');
    await refused(desk, cmd({ type: 'restoreTrash', trashId: 'gone' }), 'not-found');
  });
});

describe('delete forever: a trash group and what it carried go for good', () => {
  it('purging removes the group and the live entries that say it was deleted into it; nothing else', async () => {
    const desk = await deskWith('a', 'b', 'other');
    const ticket = await ticketOn(desk, 'a', 'b');
    await ticketOn(desk, 'other');
    const { data } = await ok(desk.run(cmd({ type: 'deleteTicket', ticketId: ticket.id, rev: ticket.rev })));
    const trashId = data.trashId!;
    const before = cloneState(desk.state);
    const pointing = [...before.timeline.values()].filter((e) => e.field === 'deleted' && e.to === trashId);
    expect(pointing).toHaveLength(3);
    const purged = await ok(desk.run(cmd({ type: 'purgeTrash', trashId })));
    expect(purged.data.trashId).toBe(trashId);
    expect(desk.state.trash.has(trashId)).toBe(false);
    // The group's own history went with it; the entries that named it went too.
    for (const e of pointing) expect(desk.state.timeline.has(e.id)).toBe(false);
    expect([...desk.state.timeline.values()].some((e) => e.ticketId === ticket.id)).toBe(false);
    // Everything else is as it was, and the purge records nothing that would name what it forgot.
    expect(desk.state.tickets).toEqual(before.tickets);
    expect(desk.state.conversations).toEqual(before.conversations);
    expect(desk.state.timeline.size).toBe(before.timeline.size - pointing.length);
  });

  it('a conversation seen again after the trash keeps its live record and history when the group is purged', async () => {
    const desk = await deskWith('a');
    const ticket = await ticketOn(desk, 'a');
    const { data } = await ok(desk.run(cmd({ type: 'deleteTicket', ticketId: ticket.id, rev: ticket.rev })));
    desk.tick();
    await ok(desk.run(observe('a')));
    const seenAgain = [...desk.state.timeline.values()].filter((e) => e.conversationId === convId('a') && e.field !== 'deleted');
    await ok(desk.run(cmd({ type: 'purgeTrash', trashId: data.trashId! })));
    expect(desk.state.conversations.get(convId('a'))!.ticketId).toBeNull();
    for (const e of seenAgain) expect(desk.state.timeline.get(e.id)).toEqual(e);
    expect([...desk.state.timeline.values()].filter((e) => e.field === 'deleted')).toEqual([]);
  });

  it('a purged group cannot be restored, and purging it again is refused as not found', async () => {
    const desk = await deskWith('a');
    const ticket = await ticketOn(desk, 'a');
    const { data } = await ok(desk.run(cmd({ type: 'deleteTicket', ticketId: ticket.id, rev: ticket.rev })));
    await ok(desk.run(cmd({ type: 'purgeTrash', trashId: data.trashId! })));
    await refused(desk, cmd({ type: 'restoreTrash', trashId: data.trashId! }), 'not-found');
    await refused(desk, cmd({ type: 'purgeTrash', trashId: data.trashId! }), 'not-found');
  });

  it('purging one group leaves another group of the same conversation alone', async () => {
    const desk = await deskWith('a');
    const first = desk.state.conversations.get(convId('a'))!;
    const one = await ok(desk.run(cmd({ type: 'trashConversation', conversationId: first.id, rev: first.rev })));
    desk.tick();
    await ok(desk.run(observe('a')));
    const again = desk.state.conversations.get(convId('a'))!;
    const two = await ok(desk.run(cmd({ type: 'trashConversation', conversationId: again.id, rev: again.rev })));
    await ok(desk.run(cmd({ type: 'purgeTrash', trashId: one.data.trashId! })));
    expect([...desk.state.trash.keys()]).toEqual([two.data.trashId]);
    expect([...desk.state.timeline.values()].filter((e) => e.field === 'deleted').map((e) => e.to)).toEqual([two.data.trashId]);
  });
});
