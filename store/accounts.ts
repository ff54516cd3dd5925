import { PROVIDER_IDS } from '@/domain';
import type { SidedeskDatabase } from './database';
import { readSettings } from './settings';

/** How many accounts of this browser are looked for (the team's self-joined accounts are fewer). */
const ACCOUNTS_MAX = 25;

/** An account found among a provider's conversations, with the id of one of them. */
interface Found {
  account: string;
  witness: string;
}

/** The accounts each database's last look found, by provider: a guess the next look checks. */
const lastFound = new WeakMap<SidedeskDatabase, Map<string, Found[]>>();

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
  // The member the agent marked as themselves on the options page comes first. Each provider's
  // accounts are looked for side by side: a page waits for the longest walk, not for their sum.
  const [chosen, ...byProvider] = await Promise.all([
    db.local.get('me').then((row) => row?.value),
    ...PROVIDER_IDS.map((provider) => accountsOf(db, provider)),
  ]);
  // A member who has since left the team is "me" no more.
  const member = chosen ? (await readSettings(db)).team.find((m) => m.id === chosen) : undefined;
  const accounts: string[] = member && member.active !== false ? [member.id] : [];
  for (const account of byProvider.flat()) {
    if (accounts.length >= ACCOUNTS_MAX) break;
    if (!accounts.includes(account)) accounts.push(account);
  }
  return accounts;
}

/** The accounts `provider`'s conversations were recorded under, in key order. */
async function accountsOf(db: SidedeskDatabase, provider: string): Promise<string[]> {
  const known = lastFound.get(db)?.get(provider);
  const found = (known && (await stillFound(db, provider, known))) || (await walkAccounts(db, provider));
  if (!lastFound.has(db)) lastFound.set(db, new Map());
  lastFound.get(db)!.set(provider, found);
  // The reserved `.invalid` domain is a page that could not show its account: no one.
  return found.map((f) => f.account).filter((account) => !account.endsWith('.invalid'));
}

const firstOf = (provider: string) => `${provider}:`;
const endOf = (provider: string) => `${provider};`;
const pastAccount = (provider: string, account: string) => `${provider}:${account}:\uffff`;

/** The first conversation id after `from` (excluded) and before `to` (excluded), if any. */
async function firstId(db: SidedeskDatabase, from: string, to: string): Promise<string | undefined> {
  const [id] = await db.conversations.where('id').between(from, to, false, false).limit(1).primaryKeys();
  return id;
}

/** Skips from one account to the next along the primary key. */
async function walkAccounts(db: SidedeskDatabase, provider: string): Promise<Found[]> {
  const found: Found[] = [];
  let from = firstOf(provider);
  while (found.length < ACCOUNTS_MAX) {
    const id = await firstId(db, from, endOf(provider));
    if (id === undefined) break;
    const account = id.slice(provider.length + 1, id.indexOf(':', provider.length + 1));
    found.push({ account, witness: id });
    from = pastAccount(provider, account);
  }
  return found;
}

/**
 * `known` again, if nothing changed what it says: one of each account's conversations is still
 * stored and no conversation lies between the accounts' ranges. Read this way, a live query is
 * told of a change only when an account comes or goes: a page's list is not read again for every
 * conversation observed under an account it already knows (the walk reads the ranges in which
 * every new conversation falls). Null when the accounts changed: they are walked again.
 */
async function stillFound(db: SidedeskDatabase, provider: string, known: Found[]): Promise<Found[] | null> {
  const gaps = known.map((f, i): [string, string] => [
    i === 0 ? firstOf(provider) : pastAccount(provider, known[i - 1]!.account),
    `${provider}:${f.account}:`,
  ]);
  // Past the last account when the walk stopped there for lack of more, not at its cap.
  if (known.length < ACCOUNTS_MAX)
    gaps.push([known.length ? pastAccount(provider, known.at(-1)!.account) : firstOf(provider), endOf(provider)]);
  const [witnesses, between] = await Promise.all([
    db.conversations.bulkGet(known.map((f) => f.witness)),
    Promise.all(gaps.map(([from, to]) => firstId(db, from, to))),
  ]);
  return witnesses.every((c) => c !== undefined) && between.every((id) => id === undefined) ? known : null;
}
