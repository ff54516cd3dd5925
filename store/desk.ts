import { ZodError } from 'zod';
import {
  Command,
  CommandResult,
  decide,
  describeZodError,
  deskError,
  gatherSnapshot,
  SYSTEM_ACTOR,
  TRASH_DAYS_DEFAULT,
  type DeskError,
} from '@/domain';
import { readSettings } from './settings';
import { applyWrites } from './apply-writes';
import { TABLES, type SidedeskDatabase, type TabHealth } from './database';
import { createDeskReader } from './desk-reader';

/** `replayed`: the request id was already applied, and `data` is that first result: nothing was
 * written now, so nothing should be announced again (chips, badge, notifications). */
export type Outcome<T> = { ok: true; data: T; replayed?: true } | { ok: false; error: DeskError };

export interface DeskOptions {
  now?: () => number;
  newId?: () => string;
}

/** Where a command came from, beyond the command itself (filled in by the router, never sent). */
export interface CommandOrigin {
  /** The webmail tab whose content script reported an observation. */
  tabId?: number;
  url?: string;
}

/**
 * The one writer. Each command runs in a single read-write transaction: read what it touches,
 * let the pure cascade decide, write the result. Either all of it is stored or none of it; a
 * command whose request id was already applied returns the first result and writes nothing.
 */
export function createDesk(db: SidedeskDatabase, options: DeskOptions = {}) {
  const now = options.now ?? Date.now;
  const newId = options.newId ?? (() => crypto.randomUUID());
  const reader = createDeskReader(db);

  async function execute(input: unknown, origin: CommandOrigin = {}): Promise<Outcome<CommandResult>> {
    const parsed = Command.safeParse(input);
    if (!parsed.success) {
      console.warn('Sidedesk refused a command', parsed.error.issues);
      return { ok: false, error: deskError('invalid', describeZodError(parsed.error)) };
    }
    const command = parsed.data;
    try {
      return await db.transaction('rw', [...TABLES], async (): Promise<Outcome<CommandResult>> => {
        const done = await db.requests.get(command.requestId);
        if (done && done.type !== command.type) {
          return { ok: false, error: deskError('invalid', `Request id ${command.requestId} was already used for another command.`) };
        }
        if (done) return { ok: true, data: done.result, replayed: true };
        const snapshot = await gatherSnapshot(command, reader);
        const at = now();
        const decision = decide(command, snapshot, { now: at, newId });
        if (!decision.ok) return decision;
        await applyWrites(db, decision.writes, snapshot);
        const data = CommandResult.parse(decision.result);
        await db.requests.put({ requestId: command.requestId, type: command.type, at, result: data });
        if (command.type === 'observe' && origin.tabId !== undefined) {
          await db.tabs.put({
            tabId: origin.tabId,
            conversationId: data.conversation?.id ?? null,
            url: origin.url ?? '',
            health: { status: 'ok' },
            at,
          });
        }
        return { ok: true, data };
      });
    } catch (error) {
      // The detail (a storage failure, a record its schema refused) is for the console; the agent
      // reads what happened in one sentence.
      console.error(`Sidedesk could not store ${command.type}`, error);
      const what = error instanceof ZodError ? describeZodError(error) : 'The browser could not store it.';
      return { ok: false, error: deskError('internal', what) };
    }
  }

  /** Records that a webmail tab shows no conversation, or a page the reader cannot read. */
  async function reportTab(tabId: number, url: string, health: TabHealth): Promise<void> {
    await db.tabs.put({ tabId, conversationId: null, url, health, at: now() });
  }

  /** Forgets processed request ids older than `maxAgeMs`. A client resends within seconds of a
   * lost answer, so a week of memory is ample, and the table stays small. */
  async function pruneRequests(maxAgeMs = 7 * 24 * 3600 * 1000): Promise<number> {
    return db.requests
      .where('at')
      .below(now() - maxAgeMs)
      .delete();
  }

  /** A closed tab shows nothing any more. */
  async function forgetTab(tabId: number): Promise<void> {
    await db.tabs.delete(tabId);
  }

  /**
   * Deletes for good the trash groups older than the settings keep them (90 days unless set; never
   * when set to forever), each through the desk's own purge, so it is recorded and done exactly as
   * "Delete forever" would. At most `limit` a time: a browser start never waits on a long sweep.
   */
  async function purgeExpiredTrash(limit = 200): Promise<number> {
    const days = (await readSettings(db)).trashRetentionDays;
    if (days === null) return 0;
    const before = now() - (days ?? TRASH_DAYS_DEFAULT) * 86_400_000;
    const expired = await db.trash.where('trashedAt').below(before).limit(limit).primaryKeys();
    let purged = 0;
    for (const trashId of expired) {
      const outcome = await execute({ type: 'purgeTrash', requestId: `retention:${trashId}`, actor: SYSTEM_ACTOR, trashId });
      if (outcome.ok) purged += 1;
    }
    return purged;
  }

  /** At browser start: tab ids of the last session mean nothing now, old request ids go, and so
   * do trash groups kept longer than the settings say. */
  async function startFresh(): Promise<void> {
    await db.tabs.clear();
    await pruneRequests();
    await purgeExpiredTrash();
  }

  return { execute, reportTab, pruneRequests, forgetTab, startFresh, purgeExpiredTrash, db };
}
export type Desk = ReturnType<typeof createDesk>;
