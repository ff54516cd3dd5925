import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, DeskFailure, type CommandResult, type Ticket, type TimelineEntry } from '@/domain';
import type { ToastMessage } from '@/components/common/toast';
import { createPageCommands } from '@/pages/commands';

const ticket: Ticket = {
  id: 't1',
  number: 1,
  name: 'Order',
  description: '',
  pipelineId: 'support',
  stageId: 'new',
  priority: 'medium',
  ownerId: null,
  category: null,
  source: 'email',
  contactEmail: null,
  createdAt: 1,
  updatedAt: 1,
  closedAt: null,
  properties: {},
  rev: 3,
};
const closedEntry = (n: number): TimelineEntry => ({
  id: `e${n}`,
  at: 2,
  actor: 'a',
  requestId: 'r',
  ticketId: 't1',
  conversationId: `gmail:a@b.pl:${n}`,
  contactEmail: null,
  field: 'state',
  from: 'open',
  to: 'closed',
  rule: 'close-ticket-closes-conversations',
  seq: n,
});

function harness(answer: (data: unknown) => CommandResult) {
  const sent: Array<Record<string, unknown>> = [];
  const toasts: Array<Omit<ToastMessage, 'id'>> = [];
  const actions = createPageCommands({
    call: (async (_name: string, data: Record<string, unknown>) => (sent.push(data), answer(data))) as never,
    t: (key, subs) => `${key}${subs ? `(${subs.join(',')})` : ''}`,
    actor: () => 'agent@b.pl',
    settings: () => DEFAULT_SETTINGS,
    toast: (m) => toasts.push(m),
  });
  return { actions, sent, toasts };
}

const result = (over: Partial<CommandResult>): CommandResult => ({
  ticket: null,
  conversation: null,
  trashId: null,
  cascade: [],
  changed: true,
  ...over,
});

describe('panel actions', () => {
  it('closing a ticket with one conversation offers an Undo that goes back to the stage it left, on the new revision', async () => {
    const h = harness(() => result({ ticket: { ...ticket, stageId: 'closed', rev: 4 }, cascade: [closedEntry(1)] }));
    await h.actions.setStage(ticket, 'closed', 1);
    expect(h.toasts[0]!.text).toBe('toastTicketClosed(1)');
    // About the ticket it changed: it goes when the page shows another one.
    expect(h.toasts[0]!.about).toEqual(['t1']);
    h.toasts[0]!.undo!();
    expect(h.sent[1]).toMatchObject({ type: 'setTicketStage', ticketId: 't1', rev: 4, stageId: 'new' });
  });

  it('closing a ticket with two conversations offers no Undo: rule 4 would not reopen them', async () => {
    const h = harness(() => result({ ticket: { ...ticket, stageId: 'closed', rev: 4 }, cascade: [closedEntry(1), closedEntry(2)] }));
    await h.actions.setStage(ticket, 'closed', 2);
    expect(h.toasts[0]).toMatchObject({ text: 'toastTicketClosed(2)', undo: undefined });
  });

  it('a stale revision is shown as a conflict, and nothing claims to be saved', async () => {
    const h = harness(() => {
      throw new DeskFailure({ code: 'conflict', message: 'changed elsewhere' });
    });
    expect(await h.actions.run({ type: 'updateTicket', ticketId: 't1', rev: 1, changes: { priority: 'low' } })).toBeNull();
    expect(h.toasts).toEqual([{ text: 'conflictShown', tone: 'error', about: ['t1'] }]);
  });

  it('trash says what went, as the confirmation did, and Undo restores that group', async () => {
    const h = harness(() => result({ trashId: 'trash-1' }));
    await h.actions.trash('gmail:a@b.pl:1', 2, true, 3);
    expect(h.toasts[0]!.text).toBe('toastTrashedTicket(3)');
    expect(h.toasts[0]!.about).toEqual(['gmail:a@b.pl:1']);
    h.toasts[0]!.undo!();
    expect(h.sent[1]).toMatchObject({ type: 'restoreTrash', trashId: 'trash-1' });
  });
});

describe('trash page actions', () => {
  const group = {
    id: 'trash-1',
    trashedAt: 5,
    actor: 'agent@b.pl',
    origin: { kind: 'delete-ticket' as const, ticketId: 't1' },
    tickets: [ticket],
    conversations: [],
    timeline: [],
  };

  it('a restore refused because a conversation got a new ticket says so in one translated sentence', async () => {
    const h = harness(() => {
      throw new DeskFailure({ code: 'restore-collision', message: 'Conversation "x" has a new ticket since it was trashed' });
    });
    await h.actions.restore(group);
    expect(h.toasts).toEqual([{ text: 'restoreCollision', tone: 'error', about: [] }]);
  });

  it('delete forever sends purgeTrash for that group and says so after it is stored, with no Undo', async () => {
    const h = harness(() => result({ trashId: 'trash-1', changed: false }));
    await h.actions.purge(group);
    expect(h.sent[0]).toMatchObject({ type: 'purgeTrash', trashId: 'trash-1' });
    expect(h.toasts).toEqual([{ text: 'toastPurged', tone: 'info' }]);
  });
});
