import { findStage, newestFirst, SettingsChange, SYSTEM_ACTOR, type Settings, type Ticket, type TimelineEntry } from '@/domain';
import { browserAccounts } from '@/store/accounts';
import type { SidedeskDatabase } from '@/store/database';
import { readSettings } from '@/store/settings';

/** How many settings changes the history shows, newest first. */
export const HISTORY_SHOWN = 50;

/** How many tickets a list of "what is in the way" names before it counts the rest. */
export const NAMED_TICKETS = 5;

/** Every kind of entry on the settings timeline, each with its label (`settings_<kind>` in the
 * locales): the settings changes, and this browser's "me". */
export const SETTINGS_KINDS: readonly string[] = [...SettingsChange.options.map((o) => o.shape.kind.value), 'setMe'];

export interface OptionsModel {
  settings: Settings;
  /** The member this browser marked as "me", or null when none is chosen. */
  me: string | null;
  /** Who acts from this page: the member marked as me, else the first account this browser has read mail as. */
  actor: string;
  /** How many tickets each stage holds, by `stageKey`. */
  stageCounts: Map<string, number>;
  /** The newest settings changes first, at most HISTORY_SHOWN. */
  history: TimelineEntry[];
}

/** The key of a stage in `stageCounts`: stage ids are unique within their pipeline only. */
export const stageKey = (pipelineId: string, stageId: string) => `${pipelineId}\n${stageId}`;

/** The newest settings timeline entries. Settings change by hand, a few at a time, so all of
 * them (read through the `field` index) stay few enough to sort here. */
export async function settingsHistory(db: SidedeskDatabase, limit = HISTORY_SHOWN): Promise<TimelineEntry[]> {
  const entries = await db.timeline.where('field').startsWith('settings.').toArray();
  return newestFirst(entries).slice(0, limit);
}

/** The options page's data: the settings, this browser's "me", each stage's tickets counted
 * (one index count per stage), and the settings history. */
export async function loadOptions(db: SidedeskDatabase): Promise<OptionsModel> {
  const settings = await readSettings(db);
  const me = (await db.local.get('me'))?.value ?? null;
  const actor = (await browserAccounts(db))[0] ?? SYSTEM_ACTOR;
  const stageCounts = new Map<string, number>();
  for (const p of settings.pipelines) {
    for (const s of p.stages) {
      stageCounts.set(stageKey(p.id, s.id), await db.tickets.where('[pipelineId+stageId]').equals([p.id, s.id]).count());
    }
  }
  return { settings, me, actor, stageCounts, history: await settingsHistory(db) };
}

/** Whether a ticket is still work to do: its stage is open (a stage no longer known counts as open). */
export function isOpenTicket(settings: Settings, ticket: Ticket): boolean {
  return findStage(settings, ticket.pipelineId, ticket.stageId)?.state !== 'closed';
}

/** A member's open tickets, oldest number first: what a deactivation hands over. */
export async function openTicketsOf(db: SidedeskDatabase, memberId: string): Promise<Ticket[]> {
  const settings = await readSettings(db);
  const owned = await db.tickets.where('ownerId').equals(memberId).toArray();
  return owned.filter((t) => isOpenTicket(settings, t)).sort((a, b) => a.number - b.number);
}

/** The tickets in a stage, oldest number first: what must move before the stage can go. */
export async function ticketsInStage(db: SidedeskDatabase, pipelineId: string, stageId: string): Promise<Ticket[]> {
  const tickets = await db.tickets.where('[pipelineId+stageId]').equals([pipelineId, stageId]).toArray();
  return tickets.sort((a, b) => a.number - b.number);
}

/** The newest settings change, to say who changed the settings meanwhile when a change was refused
 * as made on a stale copy. */
export async function latestSettingsChange(db: SidedeskDatabase): Promise<TimelineEntry | undefined> {
  return (await settingsHistory(db, 1))[0];
}
