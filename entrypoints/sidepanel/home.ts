import type { Settings, Ticket } from '@/domain';
import { browserAccounts } from '@/store/accounts';
import type { SidedeskDatabase } from '@/store/database';
import { countWaitingOnUs } from '@/store/waiting-on-us';
import { ownedCount, stageCountKey, sumCounts } from '@/store/ticket-counts';

/** How many of my open tickets the panel lists; the rest are a count. */
export const MINE_SHOWN = 10;
/** The most open tickets of mine read to find the longest waiting: past this, "more than". */
export const MINE_READ_MAX = 1_000;

export interface PanelHome {
  /** Whose queue this is: the followed tab's account when known, else this browser's own accounts. */
  accounts: string[];
  /** `accounts` is the one signed in to the followed tab. */
  accountOfTab: boolean;
  /** My open tickets, longest waiting first (`MINE_SHOWN` at most). */
  mine: Ticket[];
  /** How many more open tickets of mine there are; `moreCapped` when the count stopped at the cap. */
  more: number;
  moreCapped: boolean;
  /** What the toolbar badge counts: the team's tickets waiting on us. */
  waitingOnUs: number;
  /** The most recently changed tickets, whoever owns them. */
  recent: Ticket[];
}

/**
 * The agent's queue, for the panel when no conversation is open. Every read goes through an
 * index and stops at a bound, because the panel re-runs it on every change: it runs inside the
 * panel's read transaction (tickets, conversations).
 */
export async function loadHome(db: SidedeskDatabase, settings: Settings, ofTab: string | null = null): Promise<PanelHome> {
  const accounts = ofTab ? [ofTab] : await browserAccounts(db);
  const openPairs = settings.pipelines.flatMap((p) =>
    p.stages.filter((s) => s.state === 'open').map((s) => [p.id, s.id] as [string, string]),
  );
  const [mineOpen, waitingOnUs, recent] = await Promise.all([
    myOpenTickets(db, accounts, openPairs),
    // The toolbar badge's own count.
    countWaitingOnUs(db, settings),
    db.tickets.orderBy('updatedAt').reverse().limit(5).toArray(),
  ]);
  // Longest waiting first: what has been left alone longest is the next to answer.
  const sorted = mineOpen.sort((a, b) => a.updatedAt - b.updatedAt);
  return {
    accounts,
    accountOfTab: !!ofTab,
    mine: sorted.slice(0, MINE_SHOWN),
    more: Math.max(0, sorted.length - MINE_SHOWN),
    moreCapped: sorted.length >= MINE_READ_MAX,
    waitingOnUs,
    recent,
  };
}

/** Open tickets owned by `accounts`, walking whichever index holds fewer records: the owners'
 * tickets (every one they ever had), or the open stages (everyone's open tickets). Both numbers
 * are the counts kept with every write (one request each). */
async function myOpenTickets(db: SidedeskDatabase, accounts: string[], openPairs: Array<[string, string]>): Promise<Ticket[]> {
  if (!accounts.length || !openPairs.length) return [];
  const mine = new Set(accounts);
  const open = new Set(openPairs.map(([p, s]) => `${p}\n${s}`));
  // A fresh collection for each read: an `anyOf` collection keeps its place once walked.
  const byOwner = () => db.tickets.where('ownerId').anyOf(accounts);
  const byStage = () => db.tickets.where('[pipelineId+stageId]').anyOf(openPairs);
  const [owned, opened] = await Promise.all([
    ownedCount(db, accounts),
    sumCounts(
      db,
      openPairs.map(([p, s]) => stageCountKey(p, s)),
    ),
  ]);
  const walk =
    owned <= opened
      ? byOwner().filter((t) => open.has(`${t.pipelineId}\n${t.stageId}`))
      : byStage().filter((t) => mine.has(t.ownerId ?? ''));
  return walk.limit(MINE_READ_MAX).toArray();
}
