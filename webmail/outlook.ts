import { OUTLOOK } from './outlook-selectors';
import type { ReadingInput } from '@/domain/reading';
import type { WebmailReader } from './webmail-reader';
import { createHeaderParts } from './header-parts';
import { uniqueParticipants } from '@/domain/zod-free/participants';

const EMAIL = /[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+/;
const EMAIL_ONLY = new RegExp(`^${EMAIL.source}$`);
// What Observation accepts as a thread id.
const THREAD_ID = /^\S{1,500}$/;

/** Page text is hostile and unbounded: cut it before any regex or comparison touches it (the
 * schema cleans and caps it again). Keeps the email pattern from backtracking over a megabyte. */
const clip = (s: string | null | undefined, max = 2000): string => (s ?? '').slice(0, max);

/**
 * An Outlook address, taken apart: `/mail/[<mailbox>/][<folder>/]id/<id>`. The mailbox segment
 * (kept as written) is the account index of outlook.live.com (`0`, `1`...) or the address of
 * another mailbox opened in its own tab. The id is opaque (a conversation id with conversation
 * view on, a message id with it off) and percent-encoded, as its base64 holds `/`, `+` and `=`.
 * `null` off the mail module (calendar, people...).
 */
export function parseOutlookPath(url: URL): { mailbox: string | null; id: string | null } | null {
  const parts = url.pathname.split('/').filter(Boolean);
  if (parts[0] !== 'mail') return null;
  const second = decodeOrNull(parts[1] ?? '');
  const mailbox = second && (/^\d+$/.test(second) || second.includes('@')) ? parts[1]! : null;
  const raw = parts.length >= (mailbox ? 4 : 3) && parts[parts.length - 2] === 'id' ? parts[parts.length - 1]! : null;
  const id = raw === null ? null : decodeOrNull(raw);
  return { mailbox, id: id !== null && THREAD_ID.test(id) ? id : null };
}

function decodeOrNull(segment: string): string | null {
  try {
    return decodeURIComponent(segment);
  } catch {
    return null; // a malformed escape is no id
  }
}

/** Every lookup of the page goes through here: bodies are the senders' HTML and may imitate a
 * header, a selected row or a subject heading. */
const page = createHeaderParts(OUTLOOK.messageBody);

function first(root: ParentNode, generations: readonly { selector: string }[]): Element | null {
  for (const { selector } of generations) {
    const el = page.first(root, selector);
    if (el) return el;
  }
  return null;
}

const readingPane = (doc: Document) => first(doc, OUTLOOK.readingPane);

function subjectOf(doc: Document): Element | null {
  const pane = readingPane(doc);
  if (!pane) return null;
  return first(pane, OUTLOOK.subject) ?? page.all(pane, OUTLOOK.subjectLevel3).find((h) => !h.querySelector(OUTLOOK.person)) ?? null;
}

// Enough nodes for any real subject with its buttons; a pathological heading (thousands deep)
// costs this much and no more.
const SUBJECT_NODES = 2000;

/** The subject as shown: its `title` holds it whole; else the text, without the buttons Outlook
 * puts in the header (Copilot's "Summarize"). Read in place, in a bounded walk: copying the
 * heading to strip its buttons froze the tab on a heading 20,000 elements deep. */
function subjectText(el: Element): string {
  const title = el.getAttribute('title');
  if (title !== null) return clip(title);
  // NodeFilter's SHOW_ELEMENT | SHOW_TEXT; a button is rejected with all it holds (2), the rest
  // accepted (1). Numbers, as a saved page's document is not the global NodeFilter's.
  const walker = el.ownerDocument.createTreeWalker(el, 0x1 | 0x4, {
    acceptNode: (node) => (node.nodeType === 1 && (node as Element).matches('button, [role="button"]') ? 2 : 1),
  });
  let text = '';
  let seen = 0;
  for (let node = walker.nextNode(); node && seen < SUBJECT_NODES && text.length < 2000; node = walker.nextNode(), seen++) {
    if (node.nodeType === 3) text += node.nodeValue ?? '';
  }
  return clip(text);
}

/**
 * Where no address shows, the conversation is still recorded, under this one key. `.invalid` is
 * reserved (RFC 2606): it can never be anyone's mailbox, so it neither merges with nor passes for
 * a real account, and it is the same on every visit, so the conversation keeps its record. Two
 * unnamed mailboxes do not collide under it: Exchange conversation ids begin with their mailbox's
 * own id. A conversation seen first unnamed and later named is kept under both keys.
 */
export const OUTLOOK_UNKNOWN_ACCOUNT = 'unknown@outlook.invalid';

/** The signed-in account as the page shows it; then the mailbox the address names (a delegated
 * or shared mailbox opened in its own tab, whose conversations these are); then the unknown key. */
function accountOf(doc: Document, mailbox: string | null): string {
  for (const { selector, from } of OUTLOOK.account) {
    const el = page.first(doc, selector);
    const text = from === 'text' ? el?.textContent : el?.getAttribute(from);
    const found = clip(text, 500).match(EMAIL)?.[0];
    if (found) return found;
  }
  const named = mailbox === null ? null : decodeOrNull(mailbox);
  return named && EMAIL_ONLY.test(named) ? named : OUTLOOK_UNKNOWN_ACCOUNT;
}

interface Person {
  email: string;
  name: string;
}

// The text is the display name, sometimes followed by "<address>"; some builds title a person
// "Name <address>" instead.
const nameIn = (s: string, email: string) => s.replace(email, '').replace(/[<>"]/g, '').trim();

function personFrom(el: Element, attribute: 'title' | 'aria-label'): Person {
  const value = clip(el.getAttribute(attribute), 500);
  const email = value.match(EMAIL)?.[0] ?? '';
  // A label leads with its localised role ("From:", "Od:"), which is no part of a name.
  const fallback = attribute === 'aria-label' ? value.replace(/^[^:<>@]{1,30}:\s*/, '') : value;
  return { email, name: nameIn(clip(el.textContent), email) || nameIn(fallback, email) };
}

/** A message's sender, from its header line: the address in `title`, else in `aria-label`,
 * else in the line's own text. */
function sendersOf(heading: Element): { els: Element[]; people: Person[] } {
  const titled = page.all(heading, OUTLOOK.person);
  if (titled.length) return { els: titled, people: titled.map((el) => personFrom(el, 'title')) };
  const labelled = page.first(heading, OUTLOOK.personLabelled);
  if (labelled) return { els: [labelled], people: [personFrom(labelled, 'aria-label')] };
  const text = clip(heading.textContent);
  const email = text.match(EMAIL)?.[0];
  return { els: [], people: email ? [{ email, name: nameIn(text, email) }] : [] };
}

const squash = (s: string) => s.replace(/\s+/g, ' ').trim().toLowerCase();

export const outlookReader: WebmailReader = {
  provider: 'outlook',
  // `/mail/`, `/mail/<folder>`, `/mail/<mailbox>/<folder>`: a folder's list, no item named.
  listsOnly: (url) => {
    const path = parseOutlookPath(url);
    const rest = url.pathname.split('/').filter(Boolean).length - (path?.mailbox ? 2 : 1);
    return path !== null && path.id === null && rest <= 1 && !url.pathname.includes('/deeplink');
  },
  // With conversation view off the address holds a message's id, not its conversation's: Exchange
  // item ids start AAMk (AQMk for personal accounts), conversation ids AAQk (AQQk). A message id
  // names no conversation, so it says nothing about which one the page shows.
  threadIdFromUrl: (url) => {
    const id = parseOutlookPath(url)?.id ?? null;
    return id && /^A[AQ]Mk/.test(id) ? null : id;
  },

  read(doc, url): ReadingInput {
    const path = parseOutlookPath(url);
    if (!path) return { status: 'none', reason: 'This Outlook page is not the mailbox.' };
    const pane = readingPane(doc);
    if (!pane && !first(doc, OUTLOOK.messageList)) {
      return { status: 'unreadable', reason: `Sidedesk can't read this Outlook layout: no message list or reading pane.` };
    }
    const subjectEl = subjectOf(doc);
    if (!pane || !subjectEl) {
      // Outlook paints the pane a moment after the address moves on; the tracker waits for it.
      return path.id
        ? { status: 'unreadable', reason: 'Outlook is still opening the conversation.' }
        : { status: 'none', reason: 'No conversation is open.' };
    }
    const subject = subjectText(subjectEl);

    // The selected row's conversation id wins: with conversation view off the address holds a
    // message id, and a ticket belongs to the conversation.
    const selected = page.all(doc, OUTLOOK.selectedRow);
    const row = selected.length === 1 ? selected[0]! : null;
    const rowId = row?.getAttribute('data-convid') ?? null;
    const threadId = rowId !== null && THREAD_ID.test(rowId) ? rowId : path.id;
    if (!threadId) return { status: 'unreadable', reason: 'The open Outlook conversation has no id Sidedesk can read.' };
    // The selection moves at once and the pane follows: a pane whose subject is not the
    // selected row's still shows the previous conversation. Never report it under the new id.
    if (row && squash(subject) && !squash(clip(row.textContent, 20_000)).includes(squash(subject))) {
      return { status: 'unreadable', reason: 'Outlook is still opening the conversation.' };
    }
    const account = accountOf(doc, path.mailbox);

    const self = account.toLowerCase();
    const isOther = (p: Person) => p.email !== '' && p.email.toLowerCase() !== self;
    // Each message's header line; not the subject, where it is a heading of the same level.
    const headings = page.all(pane, OUTLOOK.messageHeading).filter((h) => h !== subjectEl && !h.contains(subjectEl));
    const senders = headings.map(sendersOf);
    const senderEls = new Set(senders.flatMap((s) => s.els));
    const recipients = page
      .all(pane, OUTLOOK.person)
      .filter((el) => !senderEls.has(el))
      .map((el) => personFrom(el, 'title'));
    const senderPeople = senders.flatMap((s) => s.people);
    const others = uniqueParticipants([...senderPeople, ...recipients], [account]);
    const mailbox = path.mailbox ? `${path.mailbox}/` : '';
    return {
      status: 'conversation',
      observation: {
        provider: 'outlook',
        account,
        threadId,
        subject,
        // Outlook's folder-less form: a conversation moves between folders, its id stays.
        url: `${url.origin}/mail/${mailbox}id/${encodeURIComponent(threadId)}`,
        contact: senderPeople.find(isOther) ?? others[0] ?? null,
        participants: others,
        messageCount: headings.length,
        // Outlook shows times only as localised text ("Thu 10/30/2025 6:56 PM", "czw. 30.10.2025
        // 18:56") whose day/month order follows the user's settings: nothing to parse safely.
        lastMessageAt: null,
        // Not given: Outlook orders a conversation newest or oldest first by the user's setting,
        // and without a time to read there is no telling which message is the newest.
        lastSenderEmail: null,
      },
    };
  },

  chipAnchor(doc) {
    const subject = subjectOf(doc);
    return subject?.closest('[role="heading"]') ?? subject;
  },
  watchTarget: (doc) => readingPane(doc) ?? page.first(doc, OUTLOOK.mainModule),
};
