import Dexie, { type EntityTable, type Transaction } from 'dexie';
import { countsOf, type TicketCountRecord } from './count-keys';
import {
  ticketSearchWords,
  type CommandResult,
  type Contact,
  type Conversation,
  type Settings,
  type Ticket,
  type TimelineEntry,
  type TrashGroup,
} from '@/domain';

/** A processed request: replaying the same request id returns this instead of acting again. */
export interface RequestRecord {
  requestId: string;
  type: string;
  at: number;
  result: CommandResult;
}

/** Whether Sidedesk can read a webmail tab's page; why not, shown as a health notice. */
export type TabHealth = { status: 'ok' } | { status: 'unreadable'; reason: string };

/** What a webmail tab shows now. Kept in the database, not in the worker, which the browser stops. */
export interface TabRecord {
  tabId: number;
  conversationId: string | null;
  url: string;
  health: TabHealth;
  at: number;
}

/** The tickets and conversations a trash group holds, by id: what the `holds` index is over. */
export function trashHolds(group: Pick<TrashGroup, 'tickets' | 'conversations'>): string[] {
  return [...group.tickets.map((t) => t.id), ...group.conversations.map((c) => c.id)];
}

/** The newest trash group holding a ticket or conversation, through the `holds` index (one
 * trashed, seen again and trashed again is in two groups). */
export async function trashHolding(db: SidedeskDatabase, id: string): Promise<TrashGroup | undefined> {
  const groups = await db.trash.where('holds').equals(id).toArray();
  return groups.sort((a, b) => b.trashedAt - a.trashedAt)[0];
}

export interface KeyValue<T> {
  key: string;
  value: T;
}

export interface DatabaseOptions {
  name?: string;
  /** Tests pass `fake-indexeddb` here; the extension uses the browser's own. */
  indexedDB?: IDBFactory;
  IDBKeyRange?: typeof IDBKeyRange;
}

/** A row of the search index by its key: its ticket's last change and number, negated. */
export type SearchKey = [order: number, rank: number];

/** One row per ticket: the words it is found by (`*words`, a multi-entry index). Keyed by
 * `[order+rank]`, the ticket's last change and number negated, so that the index holds each
 * word's tickets newest first (the tickets page's order), and a search reads forward only as many
 * matches as it shows, in one request. */
export interface TicketWordsRecord {
  /** -updatedAt */
  order: number;
  /** -number */
  rank: number;
  ticketId: string;
  words: string[];
}

export const TABLES = [
  'tickets',
  'conversations',
  'contacts',
  'timeline',
  'trash',
  'settings',
  'meta',
  'requests',
  'tabs',
  'ticketWords',
  'ticketCounts',
  'local',
] as const;

/** Every stored ticket's search row, built from the tables as the desk keeps them. */
async function searchRowsStored(tx: Transaction): Promise<TicketWordsRecord[]> {
  const tickets = (await tx.table('tickets').toArray()) as Ticket[];
  const conversations = (await tx.table('conversations').where('ticketId').above('').toArray()) as Conversation[];
  const contacts = new Map(((await tx.table('contacts').toArray()) as Contact[]).map((c) => [c.email, c]));
  const subjects = new Map<string, string[]>();
  for (const c of conversations) subjects.set(c.ticketId!, [...(subjects.get(c.ticketId!) ?? []), c.subject]);
  return tickets.map((t) => ({
    order: -t.updatedAt,
    rank: -t.number,
    ticketId: t.id,
    words: ticketSearchWords(t, t.contactEmail ? contacts.get(t.contactEmail) : undefined, subjects.get(t.id) ?? []),
  }));
}

export class SidedeskDatabase extends Dexie {
  tickets!: EntityTable<Ticket, 'id'>;
  conversations!: EntityTable<Conversation, 'id'>;
  contacts!: EntityTable<Contact, 'email'>;
  timeline!: EntityTable<TimelineEntry, 'id'>;
  trash!: EntityTable<TrashGroup, 'id'>;
  settings!: EntityTable<KeyValue<Settings>, 'key'>;
  /** This browser's own preferences (which member is "me"): never exported, never shared. */
  local!: EntityTable<KeyValue<string | null>, 'key'>;
  meta!: EntityTable<KeyValue<number>, 'key'>;
  requests!: EntityTable<RequestRecord, 'requestId'>;
  tabs!: EntityTable<TabRecord, 'tabId'>;
  ticketWords!: Dexie.Table<TicketWordsRecord, SearchKey>;
  ticketCounts!: EntityTable<TicketCountRecord, 'key'>;

  constructor(options: DatabaseOptions = {}) {
    super(options.name ?? 'sidedesk', {
      ...(options.indexedDB ? { indexedDB: options.indexedDB } : {}),
      ...(options.IDBKeyRange ? { IDBKeyRange: options.IDBKeyRange } : {}),
    });
    // Keep every version with its upgrade when the schema changes; never edit one that shipped.
    // Indexes serve the UI's queries without scans: conversations by ticket, contact and state;
    // tickets by stage, owner, contact and recency; the timeline by ticket and conversation.
    this.version(1).stores({
      tickets: 'id, &number, stageId, ownerId, contactEmail, updatedAt, [pipelineId+stageId]',
      conversations: 'id, ticketId, contactEmail, state, lastSeenAt, [contactEmail+lastSeenAt]',
      contacts: 'email',
      timeline: 'id, ticketId, conversationId, contactEmail, at, [ticketId+at]',
      trash: 'id, trashedAt',
      settings: 'key',
      meta: 'key',
      requests: 'requestId, at',
      tabs: 'tabId, conversationId',
    });
    // Version 1 kept a tab's health as text (`ok`, `unreadable: <reason>`).
    this.version(2).upgrade((tx) =>
      tx
        .table('tabs')
        .toCollection()
        .modify((tab: { health: unknown }) => {
          if (typeof tab.health !== 'string') return;
          const reason = /^unreadable: ?([\s\S]*)$/.exec(tab.health)?.[1];
          tab.health = reason === undefined ? { status: 'ok' } : { status: 'unreadable', reason };
        }),
    );
    // Version 3: contacts by name (the ticket picker finds a ticket by its contact's name), and
    // trash groups by the tickets and conversations they hold (a page asks whether what it shows
    // is in the trash). Every group stored before gets its ids here.
    this.version(3)
      .stores({ contacts: 'email, name', trash: 'id, trashedAt, *holds' })
      .upgrade((tx) =>
        tx
          .table('trash')
          .toCollection()
          .modify((group: TrashGroup & { holds?: string[] }) => void (group.holds = trashHolds(group))),
      );
    // `holds` is the store's own: added to every group on its way in (to a copy: the caller's
    // record is left alone), and taken off on the way out, so the domain reads a group exactly as
    // it wrote it.
    this.use({
      stack: 'dbcore',
      name: 'trash-holds',
      create: (down) => ({
        ...down,
        table: (name) => {
          const table = down.table(name);
          if (name !== 'trash') return table;
          return {
            ...table,
            mutate: (req) =>
              table.mutate(
                req.type === 'add' || req.type === 'put'
                  ? { ...req, values: req.values.map((g: TrashGroup) => ({ ...g, holds: trashHolds(g) })) }
                  : req,
              ),
          };
        },
      }),
    });
    // Version 4: the words each ticket is found by (its name, description, contact, subjects),
    // kept by the desk in the same transaction as every write; built here for the desk stored so far.
    this.version(4)
      .stores({ ticketSearch: 'ticketId, *words' })
      .upgrade(async (tx) => {
        const rows = await searchRowsStored(tx);
        await tx.table('ticketSearch').bulkPut(rows.map(({ ticketId, words }) => ({ ticketId, words })));
      });
    // Version 5: the tickets page's sorts and filters walk an index instead of the desk: each
    // stage by last change (the board's columns, a stage filter in the list's order), priority
    // by last change (the priority sort), and creation time (the created-date filter).
    this.version(5).stores({
      tickets:
        'id, &number, stageId, ownerId, contactEmail, updatedAt, [pipelineId+stageId], createdAt, [priority+updatedAt], [pipelineId+stageId+updatedAt]',
    });
    // Version 6: the settings timeline (entries by field, `settings.*`), and this browser's own
    // preferences (which team member is "me" here), kept apart from the desk's shared records.
    this.version(6).stores({
      timeline: 'id, ticketId, conversationId, contactEmail, at, [ticketId+at], field',
      local: 'key',
    });
    // Version 7: each owner's tickets by last change, so "my open tickets" reads only as far as
    // its page, newest first, however many tickets an agent owns.
    this.version(7).stores({
      tickets:
        'id, &number, stageId, ownerId, contactEmail, updatedAt, [pipelineId+stageId], createdAt, [priority+updatedAt], [pipelineId+stageId+updatedAt], [ownerId+updatedAt]',
    });
    // Version 8: the search index keyed by last change and number instead of ticket id: a word's
    // entries come newest first, so a search that matches thousands reads only the page it shows.
    // IndexedDB cannot change a store's key: the rows move to a new store, rebuilt from the desk.
    this.version(8)
      .stores({ ticketSearch: null, ticketWords: '[order+rank], ticketId, *words' })
      .upgrade(async (tx) => {
        await tx.table('ticketWords').bulkPut(await searchRowsStored(tx));
      });
    // Version 9: how many tickets stand in each stage, and each owner's in each stage, kept in the
    // same transaction as every write: the badge and the panel's counts read a key, never walk
    // an index of a hundred thousand entries after every command.
    this.version(9)
      .stores({ ticketCounts: 'key' })
      .upgrade(async (tx) => {
        await tx.table('ticketCounts').bulkPut(countsOf((await tx.table('tickets').toArray()) as Ticket[]));
      });
    this.trash.hook('reading', (group) => {
      if (!group) return group;
      const { holds: _holds, ...rest } = group as TrashGroup & { holds?: string[] };
      return rest;
    });
  }
}
