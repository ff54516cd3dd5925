import { DEFAULT_SETTINGS, type Conversation, type Ticket, type TimelineEntry } from '@/domain';
import { EXPORT_FORMAT, EXPORT_VERSION, type ExportFile } from '@/domain/export-format';
import { ACCOUNT, convId, ticketRecord } from './builders';

/** A conversation as stored, of thread `thread` of the test account. */
export function conversationRecord(thread: string, ticketId: string | null, state: 'open' | 'closed' = 'open'): Conversation {
  return {
    id: convId(thread),
    provider: 'gmail',
    account: ACCOUNT,
    threadId: thread,
    subject: `Subject ${thread}`,
    url: `https://mail.google.com/mail/u/0/#inbox/${thread}`,
    contactEmail: `customer-${thread}@klient.pl`,
    participants: [{ email: `customer-${thread}@klient.pl`, name: `Customer ${thread}` }],
    messageCount: 1,
    lastMessageAt: 1_000,
    ownerId: ACCOUNT,
    state,
    ticketId,
    firstSeenAt: 1_000,
    lastSeenAt: 1_000,
    rev: 1,
  };
}

/** A timeline entry about whatever `about` names (nothing: an entry about the desk itself). */
export function entryRecord(
  id: string,
  about: Partial<Pick<TimelineEntry, 'ticketId' | 'conversationId' | 'contactEmail'>>,
  field = 'created',
): TimelineEntry {
  return {
    id,
    at: 1_000,
    actor: ACCOUNT,
    requestId: `req-${id}`,
    ticketId: null,
    conversationId: null,
    contactEmail: null,
    field,
    from: null,
    to: 'x',
    rule: null,
    seq: 0,
    ...about,
  };
}

/** A small whole desk: an open ticket, a closed one, a conversation without a ticket, a trash
 * group holding a deleted ticket, and timeline entries about each, the trashed and the desk itself. */
export function validFile(): ExportFile {
  const open: Ticket = { ...ticketRecord(1), ownerId: ACCOUNT, contactEmail: 'customer-a@klient.pl' };
  const closed: Ticket = { ...ticketRecord(2), stageId: 'closed', closedAt: 2 };
  const trashed: Ticket = ticketRecord(3);
  return {
    format: EXPORT_FORMAT,
    version: EXPORT_VERSION,
    schemaVersion: 6,
    exportedAt: 1_700_000_000_000,
    settings: { ...structuredClone(DEFAULT_SETTINGS), team: [{ id: ACCOUNT, name: 'Agent', email: ACCOUNT }] },
    nextTicketNumber: 4,
    tickets: [open, closed],
    conversations: [conversationRecord('a', 't1'), conversationRecord('b', 't2', 'closed'), conversationRecord('c', null)],
    contacts: [{ email: 'customer-a@klient.pl', name: 'Customer a', companyDomain: 'klient.pl', followed: false }],
    timeline: [
      entryRecord('e1', { ticketId: 't1' }),
      entryRecord('e2', { conversationId: convId('c') }),
      entryRecord('e3', { ticketId: 't3' }, 'deleted'),
      entryRecord('e4', {}, 'settings.addStage'),
    ],
    trash: [
      {
        id: 'g1',
        trashedAt: 3,
        actor: ACCOUNT,
        origin: { kind: 'delete-ticket', ticketId: 't3' },
        tickets: [trashed],
        conversations: [conversationRecord('d', 't3')],
        timeline: [entryRecord('e5', { ticketId: 't3' })],
      },
    ],
  };
}
