import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { describeZodError, newestFirst } from '@/domain';
import { SEEN_EVERY_MS } from '@/domain/cascade/observe';
import { convId, observe } from '@/test/support/builders';
import { cmd, deskWith, ok, refused, ticketOn } from '@/test/support/scenario';

describe('rule 8: every change is recorded', () => {
  it('records who, when, what from what to what, and the rule of a cascade', async () => {
    const desk = await deskWith('a');
    const ticket = await ticketOn(desk, 'a');
    desk.tick(5000);
    await ok(
      desk.run({
        type: 'setTicketStage',
        requestId: 'r-close',
        actor: 'anna@sidedesk.test',
        ticketId: ticket.id,
        rev: ticket.rev,
        stageId: 'closed',
      }),
    );
    const entries = [...desk.state.timeline.values()].filter((e) => e.requestId === 'r-close');
    expect(entries).toEqual([
      expect.objectContaining({
        actor: 'anna@sidedesk.test',
        ticketId: ticket.id,
        conversationId: null,
        field: 'stageId',
        from: 'new',
        to: 'closed',
        rule: null,
      }),
      expect.objectContaining({
        actor: 'anna@sidedesk.test',
        ticketId: ticket.id,
        conversationId: convId('a'),
        field: 'state',
        from: 'open',
        to: 'closed',
        rule: 'close-ticket-closes-conversations',
      }),
    ]);
    expect(new Set(entries.map((e) => e.at)).size).toBe(1);
  });

  it('keeps the order of the changes within a command, which share one time: newest first puts each effect above its cause', async () => {
    const desk = await deskWith('a');
    const ticket = await ticketOn(desk, 'a');
    desk.tick(5000);
    await ok(
      desk.run({
        type: 'setTicketStage',
        requestId: 'r-close',
        actor: 'anna@sidedesk.test',
        ticketId: ticket.id,
        rev: ticket.rev,
        stageId: 'closed',
      }),
    );
    const shown = newestFirst([...desk.state.timeline.values()].filter((e) => e.ticketId === ticket.id));
    expect(shown.map((e) => e.field)).toEqual(['state', 'stageId', 'ticketId', 'created']);
    expect(shown.map((e) => e.seq)).toEqual([1, 0, 1, 0]);
  });

  it('records each changed property of an update, and nothing for an unchanged one', async () => {
    const desk = await deskWith('a');
    const ticket = await ticketOn(desk, 'a');
    const { data } = await ok(
      desk.run(
        cmd({
          type: 'updateTicket',
          ticketId: ticket.id,
          rev: ticket.rev,
          changes: { name: ticket.name, priority: 'urgent', properties: { plan: 'pro' } },
        }),
      ),
    );
    const fields = [...desk.state.timeline.values()]
      .filter((e) => e.ticketId === ticket.id && e.field !== 'created' && e.field !== 'ticketId')
      .map((e) => e.field);
    expect(fields.sort()).toEqual(['priority', 'properties.plan']);
    expect(data.ticket).toMatchObject({ priority: 'urgent', properties: { plan: 'pro' }, rev: ticket.rev + 1 });
  });

  it('seeing a conversation again records nothing and keeps its revision; within the minute it writes nothing at all', async () => {
    const desk = await deskWith('a');
    const before = desk.state.conversations.get(convId('a'))!;
    const size = desk.state.timeline.size;
    desk.tick(SEEN_EVERY_MS - 1);
    const soon = await ok(desk.run(observe('a')));
    expect(desk.state.conversations.get(convId('a'))).toEqual(before);
    expect(soon.data.conversation).toEqual(before);
    desk.tick(1);
    await ok(desk.run(observe('a')));
    const after = desk.state.conversations.get(convId('a'))!;
    expect(after.rev).toBe(before.rev);
    expect(after.lastSeenAt).toBe(before.lastSeenAt + SEEN_EVERY_MS);
    expect(desk.state.timeline.size).toBe(size);
    // A new message is stored at once, whenever it comes.
    desk.tick(1);
    await ok(desk.run(observe('a', { messageCount: 5 })));
    expect(desk.state.conversations.get(convId('a'))!.messageCount).toBe(5);
  });

  it('a new subject is a revision with its own entry', async () => {
    const desk = await deskWith('a');
    await ok(desk.run(observe('a', { subject: 'Re: changed' })));
    const c = desk.state.conversations.get(convId('a'))!;
    expect(c).toMatchObject({ subject: 'Re: changed', rev: 2 });
    expect([...desk.state.timeline.values()].some((e) => e.field === 'subject' && e.to === 'Re: changed')).toBe(true);
  });
});

describe('optimistic concurrency', () => {
  it.each(['updateTicket', 'setTicketStage', 'setTicketOwner', 'deleteTicket'] as const)(
    '%s on a stale ticket revision is a conflict',
    async (type) => {
      const desk = await deskWith('a');
      const ticket = await ticketOn(desk, 'a');
      await ok(desk.run(cmd({ type: 'updateTicket', ticketId: ticket.id, rev: ticket.rev, changes: { priority: 'high' } })));
      const stale = { ticketId: ticket.id, rev: ticket.rev };
      const inputs = {
        updateTicket: { type, ...stale, changes: { priority: 'low' } },
        setTicketStage: { type, ...stale, stageId: 'closed' },
        setTicketOwner: { type, ...stale, ownerId: null },
        deleteTicket: { type, ...stale },
      };
      await refused(desk, cmd(inputs[type] as never), 'conflict');
    },
  );

  it.each(['setConversationOwner', 'closeConversation', 'reopenConversation', 'trashConversation'] as const)(
    '%s on a stale conversation revision is a conflict',
    async (type) => {
      const desk = await deskWith('a');
      await ok(desk.run(observe('a', { subject: 'moved on' })));
      await refused(desk, cmd({ type, conversationId: convId('a'), rev: 1, ownerId: null } as never), 'conflict');
    },
  );

  it('an edit of a deleted ticket says it no longer exists', async () => {
    const desk = await deskWith('a');
    const ticket = await ticketOn(desk, 'a');
    await ok(desk.run(cmd({ type: 'deleteTicket', ticketId: ticket.id, rev: ticket.rev })));
    await refused(desk, cmd({ type: 'updateTicket', ticketId: ticket.id, rev: ticket.rev, changes: { priority: 'low' } }), 'not-found');
  });

  it('a ticket cannot lose its name', async () => {
    const desk = await deskWith('a');
    const ticket = await ticketOn(desk, 'a');
    await refused(desk, cmd({ type: 'updateTicket', ticketId: ticket.id, rev: ticket.rev, changes: { name: ' \u200b ' } }), 'invalid');
  });
});

describe('contacts', () => {
  it('an observed contact is stored lower-cased with its company; free-mail has none', async () => {
    const desk = await deskWith();
    await ok(desk.run(observe('a', { contact: { email: 'Anna.Kowalska@Klient.PL', name: 'Anna' } })));
    await ok(desk.run(observe('b', { contact: { email: 'someone@gmail.com', name: 'S' } })));
    expect(desk.state.contacts.get('anna.kowalska@klient.pl')).toEqual({
      email: 'anna.kowalska@klient.pl',
      name: 'Anna',
      companyDomain: 'klient.pl',
      followed: false,
    });
    expect(desk.state.contacts.get('someone@gmail.com')!.companyDomain).toBeNull();
  });

  it('follow and unfollow are recorded; seeing the contact again keeps the follow', async () => {
    const desk = await deskWith('a');
    const email = 'customer-a@klient.pl';
    await ok(desk.run(cmd({ type: 'followContact', email, followed: true })));
    await ok(desk.run(observe('a')));
    expect(desk.state.contacts.get(email)!.followed).toBe(true);
    await ok(desk.run(cmd({ type: 'followContact', email, followed: false })));
    expect([...desk.state.timeline.values()].filter((e) => e.field === 'followed').map((e) => e.to)).toEqual([true, false]);
  });

  it('following an unknown contact is refused', async () => {
    const desk = await deskWith();
    await refused(desk, cmd({ type: 'followContact', email: 'nobody@x.test', followed: true }), 'not-found');
  });

  it('the webmail account user joins the team when first seen, once', async () => {
    const desk = await deskWith('a', 'b');
    expect(desk.state.settings.team.filter((m) => m.id === 'agent@sidedesk.test')).toHaveLength(1);
  });
});

describe('a refusal’s wording', () => {
  it('says “missing” only for what is missing, and names a list’s field by its own name', () => {
    const schema = z.object({ name: z.string(), conversations: z.union([z.number(), z.array(z.object({ subject: z.string() }))]) });
    expect(describeZodError(schema.safeParse({ conversations: 1 }).error!)).toBe('The name is missing.');
    expect(describeZodError(schema.safeParse({ name: 7, conversations: 1 }).error!)).toBe('The name is not of the right kind.');
    expect(describeZodError(z.object({ conversations: z.number() }).safeParse({ conversations: 'x' }).error!)).toBe(
      'The number of conversations is not of the right kind.',
    );
  });
});
