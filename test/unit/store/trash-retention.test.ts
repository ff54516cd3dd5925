import { describe, expect, it } from 'vitest';
import { convId, observe, rid } from '@/test/support/builders';
import { createTestDesk } from '@/test/support/store';
import { countsOf, stageCountKey } from '@/store/ticket-counts';

const DAY = 86_400_000;

/** A desk with one trashed ticket, trashed at the desk's clock. */
async function withTrashedTicket() {
  const env = await createTestDesk();
  await env.desk.execute(observe('a'));
  const created = await env.desk.execute({ type: 'createTicket', requestId: rid(), actor: 'x', conversationId: convId('a'), draft: {} });
  if (!created.ok) throw new Error(created.error.message);
  const trashed = await env.desk.execute({ type: 'deleteTicket', requestId: rid(), actor: 'x', ticketId: created.data.ticket!.id, rev: 1 });
  if (!trashed.ok) throw new Error(trashed.error.message);
  return env;
}

describe('the trash keeps a group as long as the settings say', () => {
  it('90 days by default: a group goes for good after, through the desk’s own purge, and never before', async () => {
    const env = await withTrashedTicket();
    env.tick(89 * DAY);
    await env.desk.startFresh();
    expect(await env.db.trash.count()).toBe(1);
    env.tick(2 * DAY);
    await env.desk.startFresh();
    expect(await env.db.trash.count()).toBe(0);
    expect(await env.db.conversations.count()).toBe(0);
  });

  it('forever keeps it; a shorter time purges sooner', async () => {
    const env = await withTrashedTicket();
    const rev = (await env.db.settings.get('settings'))!.value.rev ?? 0;
    await env.desk.execute({
      type: 'changeSettings',
      requestId: rid(),
      actor: 'x',
      rev,
      change: { kind: 'setBehaviour', trashRetentionDays: null },
    });
    env.tick(5000 * DAY);
    expect(await env.desk.purgeExpiredTrash()).toBe(0);
    expect(await env.db.trash.count()).toBe(1);
    await env.desk.execute({
      type: 'changeSettings',
      requestId: rid(),
      actor: 'x',
      rev: rev + 1,
      change: { kind: 'setBehaviour', trashRetentionDays: 1 },
    });
    expect(await env.desk.purgeExpiredTrash()).toBe(1);
    expect(await env.db.trash.count()).toBe(0);
  });
});

describe('a ticket restored after its stage was deleted', () => {
  it('goes to a stage of the same kind in its pipeline, said on its timeline, never to a stage that does not exist', async () => {
    const env = await createTestDesk();
    await env.desk.execute(observe('a'));
    const created = await env.desk.execute({ type: 'createTicket', requestId: rid(), actor: 'x', conversationId: convId('a'), draft: {} });
    if (!created.ok) throw new Error(created.error.message);
    const ticket = created.data.ticket!;
    const moved = await env.desk.execute({
      type: 'setTicketStage',
      requestId: rid(),
      actor: 'x',
      ticketId: ticket.id,
      rev: 1,
      stageId: 'waiting-on-contact',
    });
    expect(moved.ok).toBe(true);
    const trashed = await env.desk.execute({ type: 'deleteTicket', requestId: rid(), actor: 'x', ticketId: ticket.id, rev: 2 });
    if (!trashed.ok) throw new Error(trashed.error.message);
    const rev = (await env.db.settings.get('settings'))!.value.rev ?? 0;
    // No live ticket is in the stage: the desk lets it go.
    const deleted = await env.desk.execute({
      type: 'changeSettings',
      requestId: rid(),
      actor: 'x',
      rev,
      change: { kind: 'deleteStage', pipelineId: 'support', stageId: 'waiting-on-contact' },
    });
    expect(deleted.ok).toBe(true);
    const restored = await env.desk.execute({ type: 'restoreTrash', requestId: rid(), actor: 'x', trashId: trashed.data.trashId! });
    expect(restored.ok).toBe(true);
    const back = (await env.db.tickets.get(ticket.id))!;
    expect(back).toMatchObject({ pipelineId: 'support', stageId: 'new', closedAt: null });
    // The counts kept with every write followed the ticket out and back into another stage.
    expect(await env.db.ticketCounts.toArray()).toEqual(countsOf(await env.db.tickets.toArray()));
    expect(await env.db.ticketCounts.get(stageCountKey('support', 'waiting-on-contact'))).toBeUndefined();
    const entries = await env.db.timeline.where('ticketId').equals(ticket.id).toArray();
    expect(entries.some((e) => e.field === 'stageId' && e.from === 'waiting-on-contact' && e.to === 'new')).toBe(true);
  });
});
