import type { CommandOf } from '../commands';
import type { Contact } from '../contact';
import type { Conversation } from '../conversation';
import { conversationIdOf } from '../ids';
import type { Snapshot } from '../snapshot';
import { companyDomain } from '../text';
import { listChange } from '../timeline';
import { RULES } from '../rules';
import { settingsRev, TEAM_SELF_JOIN_MAX } from '../settings';
import { externalContact, type Observation } from '../observation';
import { reopenClosedTicket } from './stage';
import { createChangeSet, revise, type DecideContext, type Decision } from './change-set';

/** Upserts the conversation a page shows, its contact, and the account's user as a team member.
 * Seeing a conversation again only moves `lastSeenAt`; a changed subject or contact is a revision. */
/** How fresh `lastSeenAt` is kept: it orders a contact's earlier conversations, where a minute
 * is as good as a millisecond. */
export const SEEN_EVERY_MS = 60_000;

export function decideObserve(cmd: CommandOf<'observe'>, snap: Snapshot, ctx: DecideContext): Decision {
  const change = createChangeSet(cmd, ctx);
  const o = cmd.observation;
  const id = conversationIdOf(o.provider, o.account, o.threadId);
  const prior = snap.conversations.get(id);

  const team = snap.settings.team;
  // A reader that cannot see which account is signed in records under a key on the reserved
  // `.invalid` domain: a real conversation, but no one to add to the team.
  const someone = !o.account.endsWith('.invalid');
  if (someone && !team.some((m) => m.id === o.account) && team.length < TEAM_SELF_JOIN_MAX) {
    change.writes.putSettings = {
      ...snap.settings,
      // A change like any other: a page's change made on the copy before it is a conflict.
      rev: settingsRev(snap.settings) + 1,
      team: [...snap.settings.team, { id: o.account, name: o.account.split('@')[0] ?? o.account, email: o.account }],
    };
  }

  const contactOf = externalContact(o, team);
  const seen = {
    subject: o.subject,
    url: o.url,
    contactEmail: contactOf?.email ?? null,
    participants: o.participants,
    messageCount: o.messageCount,
    lastMessageAt: o.lastMessageAt,
  };
  let conversation: Conversation;
  if (!prior) {
    conversation = {
      id,
      provider: o.provider,
      account: o.account,
      threadId: o.threadId,
      ...seen,
      ownerId: o.account,
      state: 'open',
      ticketId: null,
      firstSeenAt: ctx.now,
      lastSeenAt: ctx.now,
      rev: 1,
    };
    change.record({ conversationId: id, field: 'created', from: null, to: o.subject });
  } else {
    const moved: Array<'subject' | 'url' | 'contactEmail'> = (['subject', 'url', 'contactEmail'] as const).filter(
      (k) => prior[k] !== seen[k],
    );
    const people = listChange(
      prior.participants.map((p) => p.email),
      seen.participants.map((p) => p.email),
    );
    const participantsMoved = people.from !== null || people.to !== null;
    const lastSeenAt = Math.max(prior.lastSeenAt, ctx.now);
    if (moved.length > 0 || participantsMoved) {
      conversation = { ...prior, ...seen, lastSeenAt, rev: prior.rev + 1 };
      for (const k of moved) {
        change.record({ ticketId: prior.ticketId, conversationId: id, field: k, from: prior[k], to: seen[k] });
      }
      if (participantsMoved) {
        change.record({
          ticketId: prior.ticketId,
          conversationId: id,
          field: 'participants',
          ...people,
        });
      }
    } else if (
      JSON.stringify(prior.participants) === JSON.stringify(seen.participants) &&
      prior.messageCount === seen.messageCount &&
      prior.lastMessageAt === seen.lastMessageAt &&
      lastSeenAt - prior.lastSeenAt < SEEN_EVERY_MS
    ) {
      // Seen again within the minute, nothing new: no write. A write would re-run every live
      // query over conversations (the tickets page, the panel) for nothing.
      conversation = prior;
    } else {
      // Only what the page shows of its messages and when it was seen: not a change of
      // help-desk state, so no revision and no entry.
      // (The same people, named or ordered as the page now shows them, are no change either.)
      conversation = {
        ...prior,
        participants: seen.participants,
        messageCount: seen.messageCount,
        lastMessageAt: seen.lastMessageAt,
        lastSeenAt,
      };
    }
  }
  let ticket = conversation.ticketId ? snap.tickets.get(conversation.ticketId) : undefined;
  if (prior && customerWroteAgain(prior, o, snap)) {
    conversation = conversation.rev > prior.rev ? { ...conversation, state: 'open' } : revise(conversation, { state: 'open' });
    change.record({
      ticketId: prior.ticketId,
      conversationId: id,
      field: 'state',
      from: 'closed',
      to: 'open',
      rule: RULES.customerWroteAgain,
    });
    ticket = reopenClosedTicket(change, snap.settings, ticket, ctx.now, RULES.customerWroteAgain);
  }
  if (conversation !== prior) change.putConversation(conversation);

  if (contactOf) {
    const known = snap.contacts.get(contactOf.email);
    const name = contactOf.name || known?.name || '';
    if (!known || known.name !== name) {
      const contact: Contact = {
        email: contactOf.email,
        name,
        companyDomain: known?.companyDomain ?? companyDomain(contactOf.email),
        followed: known?.followed ?? false,
      };
      change.putContact(contact);
      change.record({ contactEmail: contact.email, field: known ? 'name' : 'created', from: known?.name ?? null, to: name });
    }
  }
  const newForContact = conversation.contactEmail !== null && (!prior || prior.contactEmail !== conversation.contactEmail);
  return change.finish({ conversation, ticket, newForContact });
}

/**
 * The customer wrote again: a closed conversation shows a message newer than any seen before,
 * from someone who is neither the account nor a teammate. Help desks reopen on a reply; a setting
 * turns it off.
 */
function customerWroteAgain(prior: Conversation, o: Observation, snap: Snapshot): boolean {
  if (prior.state !== 'closed' || !snap.settings.reopenOnReply) return false;
  // Newer: a later time where the page gives times; where it gives none (Proton, Fastmail), one
  // more message than the page showed before.
  const newer =
    o.lastMessageAt !== null && prior.lastMessageAt !== null
      ? o.lastMessageAt > prior.lastMessageAt
      : o.lastMessageAt === null && prior.lastMessageAt === null && o.messageCount > prior.messageCount;
  if (!newer) return false;
  const sender = o.lastSenderEmail;
  return !!sender && sender !== o.account && !snap.settings.team.some((m) => m.email === sender || m.id === sender);
}
