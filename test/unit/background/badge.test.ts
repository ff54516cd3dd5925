import { describe, expect, it } from 'vitest';
import { badgeText, DEFAULT_SETTINGS, stagesWaitingOnUs } from '@/domain';
import { createBadge } from '@/background/badge';
import { COLLEAGUE, convId, observe, rid } from '@/test/support/builders';
import { createTestDesk } from '@/test/support/store';

describe('the toolbar badge', () => {
  it('counts the stages where the ball is in our court', () => {
    expect(stagesWaitingOnUs(DEFAULT_SETTINGS)).toEqual([
      ['support', 'new'],
      ['support', 'waiting-on-us'],
    ]);
  });

  it.each([
    [0, ''],
    [7, '7'],
    [999, '999'],
    [1000, '999+'],
  ])('%i shows as "%s"', (n, text) => {
    expect(badgeText(n)).toBe(text);
  });

  it('follows creates and stage changes', async () => {
    const t = await createTestDesk();
    const shown: string[] = [];
    const update = createBadge(t.db, async (text) => void shown.push(text));
    const tickets = [];
    for (const th of ['a', 'b', 'c']) {
      await t.desk.execute(observe(th));
      const out = await t.desk.execute({ type: 'createTicket', requestId: rid(), actor: 'x', conversationId: convId(th), draft: {} });
      if (out.ok) tickets.push(out.data.ticket!);
    }
    expect(await update()).toBe(3);
    await t.desk.execute({
      type: 'setTicketStage',
      requestId: rid(),
      actor: 'x',
      ticketId: tickets[0]!.id,
      rev: 1,
      stageId: 'waiting-on-contact',
    });
    await t.desk.execute({ type: 'setTicketStage', requestId: rid(), actor: 'x', ticketId: tickets[1]!.id, rev: 1, stageId: 'closed' });
    await t.desk.execute({
      type: 'setTicketStage',
      requestId: rid(),
      actor: 'x',
      ticketId: tickets[2]!.id,
      rev: 1,
      stageId: 'waiting-on-us',
    });
    expect(await update()).toBe(1);
    expect(shown).toEqual(['3', '1']);
  });

  it('counts my open tickets when the settings say so (this browser’s accounts, or the member marked as me)', async () => {
    const t = await createTestDesk();
    const update = createBadge(t.db, async () => undefined);
    const tickets = [];
    for (const th of ['a', 'b', 'c']) {
      await t.desk.execute(observe(th));
      const out = await t.desk.execute({ type: 'createTicket', requestId: rid(), actor: 'x', conversationId: convId(th), draft: {} });
      if (out.ok) tickets.push(out.data.ticket!);
    }
    await t.desk.execute({ type: 'setTicketOwner', requestId: rid(), actor: 'x', ticketId: tickets[0]!.id, rev: 1, ownerId: COLLEAGUE });
    await t.desk.execute({ type: 'setTicketStage', requestId: rid(), actor: 'x', ticketId: tickets[1]!.id, rev: 1, stageId: 'closed' });
    const rev = (await t.db.settings.get('settings'))!.value.rev ?? 0;
    await t.desk.execute({ type: 'changeSettings', requestId: rid(), actor: 'x', rev, change: { kind: 'setBehaviour', badge: 'my-open' } });
    // Tickets are owned by the account that created them: one open (c), one closed (b), one given away (a).
    expect(await update()).toBe(1);
    await t.desk.execute({ type: 'setMe', requestId: rid(), actor: 'x', memberId: COLLEAGUE });
    expect(await update()).toBe(2);
  });
});
