import type { CommandOf } from '../commands';
import type { Contact } from '../contact';
import type { Conversation } from '../conversation';
import { conversationIdOf } from '../ids';
import type { Snapshot } from '../snapshot';
import { companyDomain } from '../text';
import { createChangeSet, type DecideContext, type Decision } from './change-set';

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

  if (!snap.settings.team.some((m) => m.id === o.account)) {
    change.writes.putSettings = {
      ...snap.settings,
      team: [...snap.settings.team, { id: o.account, name: o.account.split('@')[0] ?? o.account, email: o.account }],
    };
  }

  const seen = {
    subject: o.subject,
    url: o.url,
    contactEmail: o.contact?.email ?? null,
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
    const participantsMoved = JSON.stringify(prior.participants) !== JSON.stringify(seen.participants);
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
          from: prior.participants.map((p) => p.email).join(', '),
          to: seen.participants.map((p) => p.email).join(', '),
        });
      }
    } else if (
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
      conversation = { ...prior, messageCount: seen.messageCount, lastMessageAt: seen.lastMessageAt, lastSeenAt };
    }
  }
  if (conversation !== prior) change.putConversation(conversation);

  if (o.contact) {
    const known = snap.contacts.get(o.contact.email);
    const name = o.contact.name || known?.name || '';
    if (!known || known.name !== name) {
      const contact: Contact = {
        email: o.contact.email,
        name,
        companyDomain: known?.companyDomain ?? companyDomain(o.contact.email),
        followed: known?.followed ?? false,
      };
      change.putContact(contact);
      change.record({ contactEmail: contact.email, field: known ? 'name' : 'created', from: known?.name ?? null, to: name });
    }
  }
  const newForContact = conversation.contactEmail !== null && (!prior || prior.contactEmail !== conversation.contactEmail);
  return change.finish({ conversation, newForContact });
}
