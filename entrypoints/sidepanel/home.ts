import type { Settings, Ticket } from '@/domain';
import { PROVIDER_IDS } from '@/domain/zod-free/providers';
import type { SidedeskDatabase } from '@/store/database';
import { countWaitingOnUs } from '@/store/waiting-on-us';

/** How many of my open tickets the panel lists; the rest are a count. */
export const MINE_SHOWN = 10;
/** The most open tickets of mine read to find the longest waiting: past this, "more than". */
export const MINE_READ_MAX = 1_000;
/** How many accounts of this browser are looked for (the team's self-joined accounts are fewer). */
const ACCOUNTS_MAX = 25;

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

/**
 * Who "me" is on the panel home when the followed tab's account is not known (no webmail tab, or
 * one the panel has not seen show a conversation: a reader that finds no conversation open reports
 * no account). One browser often holds several accounts of the same agent, so "mine" is then
 * owned by any account this browser has read mail as: the
 * accounts its conversations were recorded under. A team member added by hand (a colleague on
 * another computer) has no conversation here and is not "me". Conversation ids begin with
 * `<provider>:<account>:`, so the accounts are found by skipping from one account to the next
 * along the primary key: one indexed read per account, never a walk over conversations.
 */
export async function browserAccounts(db: SidedeskDatabase): Promise<string[]> {
  const accounts: string[] = [];
  for (const provider of PROVIDER_IDS) {
    let from = `${provider}:`;
    while (accounts.length < ACCOUNTS_MAX) {
      const [id] = await db.conversations.where('id').between(from, `${provider};`, false, false).limit(1).primaryKeys();
      if (id === undefined) break;
      const account = id.slice(provider.length + 1, id.indexOf(':', provider.length + 1));
      // The reserved `.invalid` domain is a page that could not show its account: no one.
      if (!account.endsWith('.invalid') && !accounts.includes(account)) accounts.push(account);
      from = `${provider}:${account}:\uffff`;
    }
  }
  return accounts;
}

/** Open tickets owned by `accounts`, walking whichever index holds fewer records: the owners'
 * tickets (every one they ever had), or the open stages (everyone's open tickets). Both counts
 * are read from the index alone. */
async function myOpenTickets(db: SidedeskDatabase, accounts: string[], openPairs: Array<[string, string]>): Promise<Ticket[]> {
  if (!accounts.length || !openPairs.length) return [];
  const mine = new Set(accounts);
  const open = new Set(openPairs.map(([p, s]) => `${p}\n${s}`));
  // A fresh collection for each read: an `anyOf` collection keeps its place once walked.
  const byOwner = () => db.tickets.where('ownerId').anyOf(accounts);
  const byStage = () => db.tickets.where('[pipelineId+stageId]').anyOf(openPairs);
  const [owned, opened] = await Promise.all([byOwner().count(), byStage().count()]);
  const walk =
    owned <= opened
      ? byOwner().filter((t) => open.has(`${t.pipelineId}\n${t.stageId}`))
      : byStage().filter((t) => mine.has(t.ownerId ?? ''));
  return walk.limit(MINE_READ_MAX).toArray();
}
