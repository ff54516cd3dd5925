import { GMAIL } from './gmail-selectors';
import { hexFromPermId, hexFromUrlSegment, isHexId, timeFromHexId } from './gmail-ids';
import type { ReadingInput } from '@/domain/reading';
import type { WebmailReader } from './webmail-reader';
import { createHeaderParts } from './header-parts';
import { uniqueParticipants } from '@/domain/zod-free/participants';

const EMAIL = /[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+/;

/** Every lookup of the page goes through here: a mail's HTML can carry Gmail's own `email`
 * spans, message containers and account links, and none of it is the thread's header. */
const page = createHeaderParts(GMAIL.messageBody);

/** The signed-in account, from the account button, else from the title "Subject - me@x - Gmail"
 * (anchored at its end: the subject itself may hold an address). */
function accountOf(doc: Document): string | null {
  const label = page.first(doc, GMAIL.accountButton)?.getAttribute('aria-label')?.slice(0, 500);
  const fromButton = label?.match(EMAIL)?.[0];
  if (fromButton) return fromButton;
  return doc.title.match(/\s-\s([^\s@]+@[^\s@]+)\s-\s[^@]*$/)?.[1] ?? null;
}

/** Routes whose first segment takes a parameter (a label, a query...) before the thread. */
const ROUTES_WITH_PARAMETER = new Set(['label', 'search', 'category', 'advanced-search', 'section_query', 'apps']);

/** The hash route's segments, and whether it goes as far as a thread (#inbox/<id>, #label/x/<id>,
 * #search/<q>/<id>...). A search for an order number (#search/4815162342108) names no thread. */
function hashRoute(url: URL): { parts: string[]; reachesThread: boolean } {
  const parts = (url.hash.slice(1).split('?')[0] ?? '').split('/');
  return { parts, reachesThread: parts.length >= (ROUTES_WITH_PARAMETER.has(parts[0]!) ? 3 : 2) };
}

/** The thread the URL names: the last segment of a hash route that reaches one. */
function threadIdFromUrl(url: URL): string | null {
  const { parts, reachesThread } = hashRoute(url);
  if (!reachesThread) return null;
  try {
    return hexFromUrlSegment(decodeURIComponent(parts[parts.length - 1]!));
  } catch {
    return null; // a stray `%` in the address: no thread, rather than a reader that throws
  }
}

function threadRoot(doc: Document): Element | null {
  const selectors = [...GMAIL.threadContainers.map((g) => g.selector), ...GMAIL.splitPanes.map((pane) => `${GMAIL.main} ${pane}`)];
  for (const selector of selectors) {
    const el = page.first(doc, selector);
    if (el && page.first(el, GMAIL.subject)) return el;
  }
  return null;
}

const subjectOf = (doc: Document): Element | null => {
  const root = threadRoot(doc);
  return root && page.first(root, GMAIL.subject);
};

function person(el: Element) {
  return { email: el.getAttribute('email') ?? '', name: el.getAttribute('name') ?? el.textContent ?? '' };
}

/** Who wrote the newest message (the latest by its id's time, else the last shown), from its
 * header: the customer writing again reopens a closed conversation. */
function lastSenderOf(messages: Element[]): string | null {
  const timed = messages.map((m) => [m, timeFromHexId(m.getAttribute('data-legacy-message-id') ?? '') ?? -1] as const);
  const newest = timed.reduce<(typeof timed)[number] | null>((best, m) => (!best || m[1] >= best[1] ? m : best), null)?.[0];
  const sender = newest ? page.first(newest, GMAIL.sender) : null;
  return sender ? person(sender).email : null;
}

/** The mailbox at `/mail/` or `/mail/u/<n>/` (no pop-out view), on a route naming no thread:
 * `#inbox`, `#label/Orders`, `#search/refund`, or none yet (Gmail opens the inbox). */
function listsOnly(url: URL): boolean {
  return /^\/mail(\/u\/\d{1,3})?\/?$/.test(url.pathname) && !url.searchParams.has('view') && !hashRoute(url).reachesThread;
}

export const gmailReader: WebmailReader = {
  provider: 'gmail',
  threadIdFromUrl,
  listsOnly,

  read(doc, url): ReadingInput {
    const urlThread = threadIdFromUrl(url);
    const root = threadRoot(doc);
    const heading = root && page.first(root, GMAIL.subject);
    if (!root || !heading) {
      // Gmail paints the thread a moment after the route changes; the tracker waits for it.
      if (urlThread) return { status: 'unreadable', reason: `Gmail's address names a conversation Sidedesk can't find on the page.` };
      if (page.first(doc, GMAIL.main) || page.first(doc, GMAIL.threadList)) return { status: 'none', reason: 'No conversation is open.' };
      return { status: 'unreadable', reason: `Sidedesk can't read this Gmail layout: no main area.` };
    }
    const legacy = heading.getAttribute('data-legacy-thread-id');
    const threadId =
      (legacy && isHexId(legacy) ? legacy : null) ??
      hexFromPermId(heading.getAttribute('data-thread-perm-id')) ??
      page.first(doc, GMAIL.selectedRowThread)?.getAttribute('data-legacy-thread-id') ??
      urlThread;
    if (!threadId || !isHexId(threadId))
      return { status: 'unreadable', reason: `The open Gmail conversation has no id Sidedesk can read.` };
    // The old thread can still be on the page just after the address moved on: never report it.
    if (urlThread && urlThread !== threadId) return { status: 'unreadable', reason: 'Gmail is still opening the conversation.' };
    const account = accountOf(doc);
    if (!account) return { status: 'unreadable', reason: `Sidedesk can't find which Gmail account is signed in.` };

    const self = account.toLowerCase();
    const senders = page.all(root, GMAIL.sender).map(person);
    const others = uniqueParticipants([...senders, ...page.all(root, GMAIL.recipient).map(person)], [account]);
    const messages = page.all(root, GMAIL.message);
    const times = messages.map((m) => timeFromHexId(m.getAttribute('data-legacy-message-id') ?? '')).filter((t): t is number => t !== null);
    return {
      status: 'conversation',
      observation: {
        provider: 'gmail',
        account,
        threadId,
        subject: heading.textContent ?? '',
        url: `${url.origin}${url.pathname}#all/${threadId}`,
        contact: senders.find((p) => p.email.toLowerCase() !== self) ?? others[0] ?? null,
        participants: others,
        messageCount: messages.length,
        lastMessageAt: times.length ? Math.max(...times) : timeFromHexId(threadId),
        lastSenderEmail: lastSenderOf(messages),
      },
    };
  },

  chipAnchor: subjectOf,
  watchTarget: (doc) => page.first(doc, GMAIL.main),
};
