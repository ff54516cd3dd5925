import { FASTMAIL } from './fastmail-selectors';
import type { ReadingInput } from '@/domain/reading';
import { hostsOf } from '@/domain/zod-free/providers';
import type { WebmailReader } from './webmail-reader';
import { uniqueParticipants } from '@/domain/zod-free/participants';

const EMAIL = /^[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+$/;
// Longer than an address can be stored (CAPS.email): not one, so not sent to be refused.
const isEmail = (text: string) => text.length <= 320 && EMAIL.test(text);
// `<threadId>.<emailId>` (JMAP ids: thread `T…`, email `M…`), or a thread alone. fastmail-plus
// matched `/T.{16}\.M.{24}`; lengths are not relied on, the `T` is (it keeps `compose` out).
const ITEM = /^(T[A-Za-z0-9_-]{1,100})(?:\.([A-Za-z0-9_-]{1,100}))?$/;
const EMAIL_ONLY = /^\.([A-Za-z0-9_-]{1,100})$/;

export interface FastmailRoute {
  /** The mailbox segment as it appears in the path, still encoded (`Inbox`, `Archive`, `search:…`). */
  mailbox: string;
  /** The raw `<threadId>.<emailId>` segment when it names a thread. */
  item: string | null;
  threadId: string | null;
  emailId: string | null;
  /** `?u=`: which signed-in user the tab is (several can share a browser). */
  user: string | null;
}

/** `/mail/<mailbox>/` and `/mail/<mailbox>/<threadId>.<emailId>`; other apps (`/calendar/`) are null. */
export function parseFastmailRoute(url: URL): FastmailRoute | null {
  if (url.protocol !== 'https:' || !hostsOf('fastmail').includes(url.hostname)) return null;
  const parts = url.pathname.split('/').filter(Boolean);
  if (parts[0] !== 'mail' || !parts[1]) return null;
  const user = url.searchParams.get('u');
  const route = {
    mailbox: parts[1],
    item: null,
    threadId: null,
    emailId: null,
    user: user && /^[A-Za-z0-9]{1,40}$/.test(user) ? user : null,
  };
  // Only the segment right after the mailbox names an item; `/mail/Inbox/compose/…` names none.
  if (parts.length !== 3) return route;
  const item = ITEM.exec(parts[2]!);
  if (item) return { ...route, item: item[0], threadId: item[1]!, emailId: item[2] ?? null };
  return { ...route, emailId: EMAIL_ONLY.exec(parts[2]!)?.[1] ?? null };
}

function accountOf(doc: Document): string | null {
  const text = doc.querySelector(FASTMAIL.account)?.textContent?.trim() ?? '';
  return isEmail(text) ? text : null;
}

interface Person {
  email: string;
  name: string;
}

function senderOf(card: Element): Person | null {
  const from = card.querySelector(FASTMAIL.from);
  const titled = from?.getAttribute('title')?.trim() ?? '';
  if (isEmail(titled)) return { email: titled, name: from?.textContent ?? '' };
  const bare = card.querySelector(FASTMAIL.unknownSender)?.textContent?.trim() ?? '';
  return isEmail(bare) ? { email: bare, name: from?.textContent ?? '' } : null;
}

/** A name whose `title` is not an address (a group, "me") is left out rather than guessed. */
function recipientsOf(card: Element): Person[] {
  return [...card.querySelectorAll(FASTMAIL.to)].flatMap((el) => {
    const email = el.getAttribute('title')?.trim() ?? '';
    return isEmail(email) ? [{ email, name: el.textContent ?? '' }] : [];
  });
}

export const fastmailReader: WebmailReader = {
  provider: 'fastmail',
  read(doc: Document, url: URL): ReadingInput {
    const heading = doc.querySelector(FASTMAIL.subject);
    if (!heading) {
      const known = [FASTMAIL.mailboxPane, FASTMAIL.list, FASTMAIL.conversationPane].some((s) => doc.querySelector(s));
      return known
        ? { status: 'none', reason: 'No conversation is open.' }
        : { status: 'unreadable', reason: 'This Fastmail layout has no mailbox or conversation pane Sidedesk knows.' };
    }
    const account = accountOf(doc);
    if (!account) return { status: 'unreadable', reason: 'The signed-in Fastmail account could not be found.' };
    // The page carries no thread id (Overture keeps it in its models); the address does.
    const route = parseFastmailRoute(url);
    if (!route?.item || !route.threadId)
      return { status: 'unreadable', reason: 'The open conversation has no thread id in the address Sidedesk can read.' };
    const cards = [...doc.querySelectorAll(FASTMAIL.message)];
    if (cards.length === 0) return { status: 'unreadable', reason: 'The open conversation shows no messages Sidedesk can read.' };

    const self = account.toLowerCase();
    const senders = cards.map(senderOf);
    const others = uniqueParticipants(
      cards.flatMap((card, i) => [senders[i] ?? null, ...recipientsOf(card)]).filter((p): p is Person => p !== null),
      [account],
    );
    const contact = senders.find((p) => p && p.email.toLowerCase() !== self) ?? others[0] ?? null;
    return {
      status: 'conversation',
      observation: {
        provider: 'fastmail',
        account,
        threadId: route.threadId,
        subject: heading.textContent ?? '',
        url: `${url.origin}/mail/${route.mailbox}/${route.item}${route.user ? `?u=${route.user}` : ''}`,
        contact,
        participants: others,
        messageCount: cards.length,
        // Fastmail shows localized dates only (`.v-MessageCard-time` has a text `title`).
        lastMessageAt: null,
        // Cards run oldest first: the last is the newest message.
        lastSenderEmail: senders.at(-1)?.email ?? null,
      },
    };
  },
  threadIdFromUrl: (url) => parseFastmailRoute(url)?.threadId ?? null,
  // `/mail/<mailbox>/` alone; `/mail/Inbox/compose` and the like get the content script.
  listsOnly: (url) => {
    const route = parseFastmailRoute(url);
    return route !== null && url.pathname.split('/').filter(Boolean).length === 2;
  },
  chipAnchor: (doc) => doc.querySelector(FASTMAIL.subject),
  watchTarget: (doc) => doc.querySelector(FASTMAIL.conversationPane) ?? doc.querySelector(FASTMAIL.mailboxPane),
};
