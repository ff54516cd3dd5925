import { describe, expect, it } from 'vitest';
import { loadPanel } from '@/entrypoints/sidepanel/model';
import { convId, observe, rid } from '@/test/support/builders';
import { createTestDesk } from '@/test/support/store';

describe('the panel after "Move to trash"', () => {
  it('knows the conversation its tab shows is in the trash, with its ticket, and finds the group to restore', async () => {
    const { db, desk } = await createTestDesk();
    await desk.execute(observe('a'));
    const created = await desk.execute({ type: 'createTicket', requestId: rid(), actor: 'agent', conversationId: convId('a'), draft: {} });
    if (!created.ok) throw new Error(created.error.message);
    await db.tabs.put({ tabId: 7, conversationId: convId('a'), url: 'https://mail.google.com/', health: { status: 'ok' }, at: 1 });
    expect((await loadPanel(db, 7)).trashed).toBeUndefined();

    const conversation = (await db.conversations.get(convId('a')))!;
    const trashed = await desk.execute({
      type: 'trashConversation',
      requestId: rid(),
      actor: 'agent',
      conversationId: convId('a'),
      rev: conversation.rev,
    });
    if (!trashed.ok) throw new Error(trashed.error.message);
    const model = await loadPanel(db, 7);
    expect(model.conversation).toBeUndefined();
    expect(model.trashed?.id).toBe(trashed.data.trashId);
    expect(model.trashed?.tickets.map((t) => t.number)).toEqual([1]);
    expect(model.trashed?.conversations.map((c) => c.id)).toEqual([convId('a')]);

    const restored = await desk.execute({ type: 'restoreTrash', requestId: rid(), actor: 'agent', trashId: model.trashed!.id });
    expect(restored.ok).toBe(true);
    const after = await loadPanel(db, 7);
    expect([after.conversation?.id, after.ticket?.number, after.trashed]).toEqual([convId('a'), 1, undefined]);
  });
});
