import { describe, expect, it } from 'vitest';
import { RULES } from '@/domain';
import { COLLEAGUE, convId, observe } from '@/test/support/builders';
import { cmd, deskWith, ok, stateOf, ticketOn, type TestDesk } from '@/test/support/scenario';

// A ticket in a closed stage never has an open conversation: every path that opens one reopens
// the ticket, and every path that adds one to a closed ticket closes it.

async function closedTicketOn(desk: TestDesk, thread: string) {
  const ticket = await ticketOn(desk, thread);
  await ok(desk.run(cmd({ type: 'setTicketStage', ticketId: ticket.id, rev: ticket.rev, stageId: 'closed' })));
  return desk.state.tickets.get(ticket.id)!;
}

const reply = (thread: string, from: string, at = 1_761_850_560_000 + 60_000, over = {}) =>
  observe(thread, { messageCount: 2, lastMessageAt: at, lastSenderEmail: from, ...over });

describe('a closed ticket never has an open conversation', () => {
  it('adding an open conversation to a closed ticket closes it, saying why', async () => {
    const desk = await deskWith('a', 'b');
    const ticket = await closedTicketOn(desk, 'a');
    const { data } = await ok(desk.run(cmd({ type: 'addConversationToTicket', conversationId: convId('b'), ticketId: ticket.id })));
    expect(stateOf(desk, 'b')).toBe('closed');
    expect(data.cascade).toEqual([
      expect.objectContaining({
        conversationId: convId('b'),
        field: 'state',
        from: 'open',
        to: 'closed',
        rule: RULES.closedTicketClosesAddedConversation,
      }),
    ]);
  });

  it('adding to an open ticket leaves the conversation as it was', async () => {
    const desk = await deskWith('a', 'b');
    const ticket = await ticketOn(desk, 'a');
    await ok(desk.run(cmd({ type: 'addConversationToTicket', conversationId: convId('b'), ticketId: ticket.id })));
    expect(stateOf(desk, 'b')).toBe('open');
  });

  it('a pipeline names its reopen stage; without one, its waiting-on-us stage', async () => {
    const desk = await deskWith('a');
    desk.state.settings.pipelines[0] = { ...desk.state.settings.pipelines[0]!, reopenStageId: 'new' };
    const ticket = await closedTicketOn(desk, 'a');
    const c = desk.state.conversations.get(convId('a'))!;
    await ok(desk.run(cmd({ type: 'reopenConversation', conversationId: c.id, rev: c.rev })));
    expect(desk.state.tickets.get(ticket.id)!.stageId).toBe('new');
  });
});

describe('the customer writing again reopens', () => {
  it('a newer message from the customer reopens the conversation and its closed ticket, because the customer wrote again', async () => {
    const desk = await deskWith('a');
    const ticket = await closedTicketOn(desk, 'a');
    const { data } = await ok(desk.run(reply('a', 'customer-a@klient.pl')));
    expect(stateOf(desk, 'a')).toBe('open');
    expect(desk.state.tickets.get(ticket.id)).toMatchObject({ stageId: 'waiting-on-us', closedAt: null });
    expect(data.cascade.map((e) => [e.field, e.to, e.rule])).toEqual([
      ['state', 'open', RULES.customerWroteAgain],
      ['stageId', 'waiting-on-us', RULES.customerWroteAgain],
    ]);
    expect(data.ticket?.stageId).toBe('waiting-on-us');
  });

  it.each([
    ['a reply from a teammate', reply('a', COLLEAGUE)],
    ['a reply from the account itself', reply('a', 'agent@sidedesk.test')],
    ['no sender in the headers', reply('a', '')],
    ['a message no newer than the last one seen', reply('a', 'customer-a@klient.pl', 1_761_850_560_000)],
  ])('%s does not reopen', async (_name, input) => {
    const desk = await deskWith('a');
    await closedTicketOn(desk, 'a');
    await ok(desk.run(input));
    expect(stateOf(desk, 'a')).toBe('closed');
  });

  it('the setting turns it off', async () => {
    const desk = await deskWith('a');
    desk.state.settings.reopenOnReply = false;
    await closedTicketOn(desk, 'a');
    await ok(desk.run(reply('a', 'customer-a@klient.pl')));
    expect(stateOf(desk, 'a')).toBe('closed');
  });

  it('a closed conversation without a ticket reopens alone', async () => {
    const desk = await deskWith('a');
    const c = desk.state.conversations.get(convId('a'))!;
    await ok(desk.run(cmd({ type: 'closeConversation', conversationId: c.id, rev: c.rev })));
    await ok(desk.run(reply('a', 'someone.else@klient.pl')));
    expect(stateOf(desk, 'a')).toBe('open');
  });
});

describe('the customer writing again, where the page gives no times', () => {
  it('one more message than before, from the customer, reopens; the same count does not', async () => {
    const desk = await deskWith();
    const seen = (messageCount: number, from: string) =>
      observe('p', { provider: 'proton', url: null, lastMessageAt: null, messageCount, lastSenderEmail: from });
    await ok(desk.run(seen(2, 'anna@klient.pl')));
    const id = 'proton:agent@sidedesk.test:p';
    const c = desk.state.conversations.get(id)!;
    await ok(desk.run(cmd({ type: 'closeConversation', conversationId: id, rev: c.rev })));
    await ok(desk.run(seen(2, 'anna@klient.pl')));
    expect(desk.state.conversations.get(id)!.state).toBe('closed');
    await ok(desk.run(seen(3, 'anna@klient.pl')));
    expect(desk.state.conversations.get(id)!.state).toBe('open');
  });
});
