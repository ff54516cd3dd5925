import { PROVIDER_IDS } from '@/domain';
import type { SidedeskDatabase } from './database';
import { readSettings } from './settings';

/** How many accounts of this browser are looked for (the team's self-joined accounts are fewer). */
const ACCOUNTS_MAX = 25;

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

/** The accounts `provider`'s conversations were recorded under, skipping from one to the next. */
async function accountsOf(db: SidedeskDatabase, provider: string): Promise<string[]> {
  const accounts: string[] = [];
  let from = `${provider}:`;
  while (accounts.length < ACCOUNTS_MAX) {
    const [id] = await db.conversations.where('id').between(from, `${provider};`, false, false).limit(1).primaryKeys();
    if (id === undefined) break;
    const account = id.slice(provider.length + 1, id.indexOf(':', provider.length + 1));
    // The reserved `.invalid` domain is a page that could not show its account: no one.
    if (!account.endsWith('.invalid')) accounts.push(account);
    from = `${provider}:${account}:\uffff`;
  }
  return accounts;
}
