import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, followAlerts } from '@/domain';
import { cmd, deskWith, ok, ticketOn } from '@/test/support/scenario';
import { convId, observe } from '@/test/support/builders';

const anna = { email: 'customer-a@klient.pl', name: 'Anna', companyDomain: 'klient.pl', followed: true };

describe('follow alerts', () => {
  it('a followed contact’s conversation seen for the first time, once', async () => {
    const desk = await deskWith();
    const first = await ok(desk.run(observe('a')));
    expect(followAlerts('observe', first.data, anna, DEFAULT_SETTINGS)).toEqual([
      { kind: 'new-conversation', contact: 'Anna', subject: 'Subject a', conversationId: convId('a') },
    ]);
    desk.tick();
    const again = await ok(desk.run(observe('a')));
    expect(followAlerts('observe', again.data, anna, DEFAULT_SETTINGS)).toEqual([]);
  });

  it('a conversation first read without its contact (a half-drawn pane) alerts when the contact is read, once', async () => {
    const desk = await deskWith();
    const first = await ok(desk.run(observe('a', { contact: null })));
    expect(followAlerts('observe', first.data, anna, DEFAULT_SETTINGS)).toEqual([]);
    desk.tick();
    const corrected = await ok(desk.run(observe('a')));
    expect(followAlerts('observe', corrected.data, anna, DEFAULT_SETTINGS)).toEqual([
      { kind: 'new-conversation', contact: 'Anna', subject: 'Subject a', conversationId: convId('a') },
    ]);
    desk.tick();
    const again = await ok(desk.run(observe('a', { messageCount: 3 })));
    expect(followAlerts('observe', again.data, anna, DEFAULT_SETTINGS)).toEqual([]);
  });

  it('a stage change of their ticket, and nothing for a same-stage no-op', async () => {
    const desk = await deskWith('a');
    const ticket = await ticketOn(desk, 'a');
    const moved = await ok(desk.run(cmd({ type: 'setTicketStage', ticketId: ticket.id, rev: ticket.rev, stageId: 'waiting-on-us' })));
    expect(followAlerts('setTicketStage', moved.data, anna, DEFAULT_SETTINGS)).toEqual([
      { kind: 'stage', contact: 'Anna', ticket: 'T-0001 Subject a', stage: 'Waiting on us', ticketId: ticket.id },
    ]);
    const same = await ok(desk.run(cmd({ type: 'setTicketStage', ticketId: ticket.id, rev: ticket.rev + 1, stageId: 'waiting-on-us' })));
    expect(followAlerts('setTicketStage', same.data, anna, DEFAULT_SETTINGS)).toEqual([]);
  });

  it.each([
    ['not followed', { ...anna, followed: false }, DEFAULT_SETTINGS],
    ['notifications off', anna, { ...DEFAULT_SETTINGS, notifications: false }],
  ])('nothing when %s', async (_name, contact, settings) => {
    const desk = await deskWith();
    const first = await ok(desk.run(observe('a')));
    expect(followAlerts('observe', first.data, contact, settings)).toEqual([]);
  });
});
