import { PROTON, PROTON_NON_ELEMENT_LABELS } from './proton-selectors';
import type { ReadingInput } from '@/domain/reading';
import { hostsOf } from '@/domain/zod-free/providers';
import type { WebmailReader } from './webmail-reader';
import { uniqueParticipants } from '@/domain/zod-free/participants';

const EMAIL = /^[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+$/;
// Longer than an address can be stored (CAPS.email): not one, so not sent to be refused.
const isEmail = (text: string) => text.length <= 320 && EMAIL.test(text);
// Proton ids are base64 (`-`, `_`, `=` padding), 88 characters in practice; human labels are words.
const SEGMENT = /^[A-Za-z0-9_=-]{1,200}$/;

export interface ProtonRoute {
  /** The `n` of `/u/<n>/`: which of several signed-in sessions, or null for the bare form. */
  session: string | null;
  labelId: string;
  /** The open conversation (or message, in message view mode), or null on the list. */
  elementId: string | null;
  messageId: string | null;
}

/** Proton's route `/:labelID?/:elementID?/:messageID?` (MAIN_ROUTE_PATH), under `/u/<n>` or not. */
export function parseProtonRoute(url: URL): ProtonRoute | null {
  if (url.protocol !== 'https:' || !hostsOf('proton').includes(url.hostname)) return null;
  let parts = url.pathname.split('/').filter(Boolean).map(decode);
  let session: string | null = null;
  if (parts[0] === 'u' && /^\d{1,3}$/.test(parts[1] ?? '')) {
    session = parts[1]!;
    parts = parts.slice(2);
  }
  const [labelId, elementId = null, messageId = null, ...rest] = parts;
  if (!labelId || rest.length > 0 || ![labelId, elementId, messageId].every((p) => p === null || SEGMENT.test(p))) return null;
  // `/views/newsletters` is a page, not a conversation named "newsletters".
  if (PROTON_NON_ELEMENT_LABELS.has(labelId)) return { session, labelId, elementId: null, messageId: null };
  return { session, labelId, elementId, messageId };
}

function decode(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return ''; // a malformed escape fails SEGMENT below
  }
}

/** The title reads "Name <me@x>" (or "<me@x>" without a display name); the span is the fallback. */
function accountOf(doc: Document): string | null {
  const button = doc.querySelector(PROTON.account);
  // The address closes the title; looking only at its tail keeps a huge title cheap to match.
  const fromTitle = button
    ?.getAttribute('title')
    ?.slice(-400)
    .match(/<([^<>\s]+)>\s*$/)?.[1];
  if (fromTitle && isEmail(fromTitle)) return fromTitle;
  const fromText = button?.querySelector(PROTON.accountEmail)?.textContent?.trim();
  return fromText && isEmail(fromText) ? fromText : null;
}

interface Person {
  email: string;
  name: string;
}

/** A recipient item's `title` is the bare address; "Undisclosed Recipients" is not one. */
function personOf(el: Element): Person | null {
  const email = el.getAttribute('title')?.trim() ?? '';
  if (!isEmail(email)) return null;
  return { email, name: el.querySelector(PROTON.personName)?.textContent ?? '' };
}

interface ShownMessage {
  sender: Person | null;
  recipients: Person[];
  outbound: boolean;
}

/** A collapsed message shows only its sender; an expanded one its sender and recipients. */
function messageOf(article: Element): ShownMessage {
  const senderEl = article.querySelector(PROTON.sender) ?? article.querySelector(PROTON.person);
  const recipients = [...article.querySelectorAll(PROTON.person)].filter((el) => el !== senderEl).map(personOf);
  return {
    sender: senderEl ? personOf(senderEl) : null,
    recipients: recipients.filter((p): p is Person => p !== null),
    outbound: article.querySelector(PROTON.outbound) !== null,
  };
}

export const protonReader: WebmailReader = {
  provider: 'proton',
  read(doc: Document, url: URL): ReadingInput {
    const heading = doc.querySelector(PROTON.subject);
    if (!heading) {
      return doc.querySelector(PROTON.mailbox) || doc.querySelector(PROTON.list)
        ? { status: 'none', reason: 'No conversation is open.' }
        : { status: 'unreadable', reason: 'This Proton Mail layout has no mailbox area Sidedesk knows.' };
    }
    const account = accountOf(doc);
    if (!account) return { status: 'unreadable', reason: 'The signed-in Proton Mail account could not be found.' };
    // The page shows no conversation id; the address is the only one, and the list confirms it.
    const route = parseProtonRoute(url);
    if (!route?.elementId) return { status: 'unreadable', reason: 'The open conversation has no id in the address Sidedesk can read.' };
    const threadId = route.elementId;
    if (heading.closest(PROTON.loading)) return { status: 'none', reason: 'The conversation is still loading.' };
    const selected = doc.querySelector(PROTON.selectedItem)?.getAttribute('data-element-id');
    if (selected && selected !== threadId) return { status: 'none', reason: 'The conversation in the address is not painted yet.' };
    const messages = [...doc.querySelectorAll(PROTON.message)].map(messageOf);
    if (messages.length === 0) return { status: 'unreadable', reason: 'The open conversation shows no messages Sidedesk can read.' };

    // The user's own addresses: the account, and any alias a sent message went out from.
    const self = new Set([account.toLowerCase()]);
    for (const m of messages) if (m.outbound && m.sender) self.add(m.sender.email.toLowerCase());
    const others = uniqueParticipants(
      messages.flatMap((m) => [m.sender, ...m.recipients]).filter((p): p is Person => p !== null),
      [...self],
    );
    const contact = messages.find((m) => !m.outbound && m.sender && !self.has(m.sender.email.toLowerCase()))?.sender ?? others[0] ?? null;
    return {
      status: 'conversation',
      observation: {
        provider: 'proton',
        account,
        threadId,
        subject: heading.getAttribute('title') ?? heading.querySelector('span:last-child')?.textContent ?? '',
        url: `${url.origin}${route.session === null ? '' : `/u/${route.session}`}/${route.labelId}/${threadId}`,
        contact,
        participants: others,
        messageCount: messages.length,
        // Proton shows only localized dates (ItemDate.tsx renders text, no datetime attribute).
        lastMessageAt: null,
        // Oldest first: the last message is the newest; one the user sent is the account's.
        lastSenderEmail: messages.at(-1)!.outbound ? account : (messages.at(-1)!.sender?.email ?? null),
      },
    };
  },
  threadIdFromUrl: (url) => parseProtonRoute(url)?.elementId ?? null,
  listsOnly: (url) => {
    const route = parseProtonRoute(url);
    return route !== null && route.elementId === null && route.messageId === null;
  },
  chipAnchor: (doc) => doc.querySelector(PROTON.subject),
  watchTarget: (doc) => doc.querySelector(PROTON.readingPane) ?? doc.querySelector(PROTON.mailbox),
};
