import type { Contact } from './contact';
import type { Conversation } from './conversation';
import { EXPORT_LISTS, type DeskData, type ExportList } from './export-format';
import { checkDesk, describeSchemaProblem } from './import-check';
import { Settings, type Pipeline } from './settings';
import type { Ticket } from './ticket';
import type { TimelineEntry } from './timeline';
import type { TrashGroup } from './trash';

/**
 * An id both the desk and the file hold, with different records, and which one the merge keeps.
 * `rev` is null for records that have none (contacts, timeline entries, trash groups).
 */
export interface Collision {
  list: ExportList;
  id: string;
  winner: 'desk' | 'file';
  deskRev: number | null;
  fileRev: number | null;
}

type Counts = Record<ExportList, number>;

export interface Merge {
  /** The desk after the merge. */
  data: DeskData;
  /** The file's records that the merge writes: new ids, and those that won a collision. */
  writes: Pick<DeskData, ExportList>;
  /** Ids the file adds, per list. */
  added: Counts;
  /** Ids on both sides with equal records: nothing to do. */
  same: Counts;
  collisions: Collision[];
  /** Whose settings the merge starts from, and what it adds from the other's. */
  settings: { winner: 'desk' | 'file'; addedMembers: string[]; addedPipelines: string[]; addedStages: string[] };
  /** Why the merged desk would break an invariant (the first problem), or null: then nothing may be written. */
  problem: string | null;
}

const zero = (): Counts => ({ tickets: 0, conversations: 0, contacts: 0, timeline: 0, trash: 0 });

// Records are plain JSON data (a parsed file, or what IndexedDB gives back), so comparing their
// JSON is comparing them, provided the keys come in one order: sort them.
function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : v,
  );
}

/** The settings' revision where they have one (0 before the first change). */
function settingsRevOf(settings: Settings): number {
  const rev = (settings as { rev?: unknown }).rev;
  return typeof rev === 'number' ? rev : 0;
}

function mergeSettings(desk: Settings, file: Settings): { settings: Settings; info: Merge['settings'] } {
  const fileWins = settingsRevOf(file) > settingsRevOf(desk);
  const [base, other] = fileWins ? [file, desk] : [desk, file];
  const addedMembers = other.team.filter((m) => !base.team.some((b) => b.id === m.id));
  const addedStages: string[] = [];
  const pipelines: Pipeline[] = base.pipelines.map((p) => {
    const theirs = other.pipelines.find((o) => o.id === p.id);
    const extra = theirs?.stages.filter((s) => !p.stages.some((b) => b.id === s.id)) ?? [];
    addedStages.push(...extra.map((s) => `${p.id}:${s.id}`));
    return extra.length ? { ...p, stages: [...p.stages, ...extra] } : p;
  });
  const addedPipelines = other.pipelines.filter((o) => !base.pipelines.some((p) => p.id === o.id));
  const grew = addedMembers.length + addedPipelines.length + addedStages.length > 0;
  const settings: Settings = grew ? { ...base, team: [...base.team, ...addedMembers], pipelines: [...pipelines, ...addedPipelines] } : base;
  // A page holding either side's settings must see a conflict on its next change, not overwrite these.
  if (grew && typeof (settings as { rev?: unknown }).rev === 'number') {
    (settings as { rev?: number }).rev = Math.max(settingsRevOf(desk), settingsRevOf(file)) + 1;
  }
  return {
    settings,
    info: {
      winner: fileWins ? 'file' : 'desk',
      addedMembers: addedMembers.map((m) => m.id),
      addedPipelines: addedPipelines.map((p) => p.id),
      addedStages,
    },
  };
}

/**
 * Merges a file into the desk, by id, list by list:
 * - tickets and conversations: the higher `rev` wins; at an equal `rev` with different contents
 *   the desk keeps its own (neither side knew of the other's change);
 * - contacts have no `rev`: the desk keeps its own (its tickets and follow alerts use it), the file
 *   adds the addresses the desk lacks;
 * - timeline entries and trash groups are written once and never changed: the merge is their
 *   union, and an id with two different records keeps the desk's;
 * - settings: the higher settings `rev` is the base; the other side's members, pipelines and
 *   stages it lacks are added, so every ticket of both sides keeps its stage and owner;
 * - the next ticket number is the higher of the two.
 * Every collision with different records is listed. The merged desk is checked like a file
 * (`problem`), since two desks that are each whole can make a broken one (two tickets with one
 * number, a ticket live on one side and trashed on the other).
 */
export function mergeDesks(desk: DeskData, file: DeskData): Merge {
  const added = zero();
  const same = zero();
  const collisions: Collision[] = [];
  const writes: Merge['writes'] = { tickets: [], conversations: [], contacts: [], timeline: [], trash: [] };

  function mergeList<T>(
    list: ExportList,
    ours: readonly T[],
    theirs: readonly T[],
    key: (r: T) => string,
    rev: (r: T) => number | null,
  ): T[] {
    const byId = new Map(ours.map((r) => [key(r), r]));
    const out = new Map(byId);
    for (const r of theirs) {
      const id = key(r);
      const mine = byId.get(id);
      if (!mine) {
        added[list] += 1;
        out.set(id, r);
        (writes[list] as T[]).push(r);
        continue;
      }
      // Most equal records come with their keys in one order: the plain JSON settles them.
      if (JSON.stringify(mine) === JSON.stringify(r) || canonical(mine) === canonical(r)) {
        same[list] += 1;
        continue;
      }
      const [deskRev, fileRev] = [rev(mine), rev(r)];
      const winner = deskRev !== null && fileRev !== null && fileRev > deskRev ? 'file' : 'desk';
      collisions.push({ list, id, winner, deskRev, fileRev });
      if (winner === 'file') {
        out.set(id, r);
        (writes[list] as T[]).push(r);
      }
    }
    return [...out.values()];
  }

  const tickets = mergeList<Ticket>(
    'tickets',
    desk.tickets,
    file.tickets,
    (t) => t.id,
    (t) => t.rev,
  );
  const conversations = mergeList<Conversation>(
    'conversations',
    desk.conversations,
    file.conversations,
    (c) => c.id,
    (c) => c.rev,
  );
  const contacts = mergeList<Contact>(
    'contacts',
    desk.contacts,
    file.contacts,
    (c) => c.email,
    () => null,
  );
  const timeline = mergeList<TimelineEntry>(
    'timeline',
    desk.timeline,
    file.timeline,
    (e) => e.id,
    () => null,
  );
  const trash = mergeList<TrashGroup>(
    'trash',
    desk.trash,
    file.trash,
    (g) => g.id,
    () => null,
  );
  const { settings, info } = mergeSettings(desk.settings, file.settings);
  const data: DeskData = {
    settings,
    nextTicketNumber: Math.max(desk.nextTicketNumber, file.nextTicketNumber),
    tickets,
    conversations,
    contacts,
    timeline,
    trash,
  };
  const settingsOk = Settings.safeParse(settings);
  const problem = settingsOk.success ? checkDesk(data) : describeSchemaProblem(settingsOk.error, settings, ['settings']);
  return { data, writes, added, same, collisions, settings: info, problem };
}

/** How many records of each list a desk holds. */
export function countsOf(data: Pick<DeskData, ExportList>): Counts {
  return Object.fromEntries(EXPORT_LISTS.map((l) => [l, data[l].length])) as Counts;
}
