import { OUTLOOK } from './outlook-selectors';
import type { ReadingInput } from '@/domain/reading';
import type { WebmailReader } from './webmail-reader';

const EMAIL = /[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+/;
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

function first(root: ParentNode, generations: readonly { selector: string }[]): Element | null {
  for (const { selector } of generations) {
    const el = root.querySelector(selector);
    if (el) return el;
  }
  return null;
}

const readingPane = (doc: Document) => first(doc, OUTLOOK.readingPane);

function subjectOf(doc: Document): Element | null {
  const pane = readingPane(doc);
  if (!pane) return null;
  return first(pane, OUTLOOK.subject) ?? headerParts(pane, OUTLOOK.subjectLevel3).find((h) => !h.querySelector(OUTLOOK.person)) ?? null;
}

/** The subject as shown: its `title` holds it whole; else the text, without the buttons Outlook
 * puts in the header (Copilot's "Summarize"). */
function subjectText(el: Element): string {
  const title = el.getAttribute('title');
  if (title !== null) return clip(title);
  const copy = el.cloneNode(true) as Element;
  copy.querySelectorAll('button, [role="button"]').forEach((b) => b.remove());
  return clip(copy.textContent);
}

function accountOf(doc: Document): string | null {
  for (const { selector, from } of OUTLOOK.account) {
    const el = doc.querySelector(selector);
    const text = from === 'text' ? el?.textContent : el?.getAttribute(from);
    const found = clip(text, 500).match(EMAIL)?.[0];
    if (found) return found;
  }
  return null;
}

function person(el: Element) {
  const title = clip(el.getAttribute('title'), 500);
  const email = title.match(EMAIL)?.[0] ?? '';
  // The text is the display name, sometimes followed by "<address>"; some builds title a
  // person "Name <address>" instead.
  const nameIn = (s: string) => s.replace(email, '').replace(/[<>"]/g, '').trim();
  return { email, name: nameIn(clip(el.textContent)) || nameIn(title) };
}

/** One entry per address, at most as many as Observation keeps (a huge list must not make the
 * whole observation invalid). */
function distinct<T extends { email: string }>(people: T[]): T[] {
  const seen = new Set<string>();
  return people.filter((p) => !seen.has(p.email.toLowerCase()) && (seen.add(p.email.toLowerCase()), true)).slice(0, 100);
}

/** Header parts of the pane only: bodies are the senders' HTML and may imitate a header. */
function headerParts(pane: Element, selector: string): Element[] {
  return [...pane.querySelectorAll(selector)].filter((el) => !el.closest(OUTLOOK.messageBody));
}

const squash = (s: string) => s.replace(/\s+/g, ' ').trim().toLowerCase();

export const outlookReader: WebmailReader = {
  provider: 'outlook',
  threadIdFromUrl: (url) => parseOutlookPath(url)?.id ?? null,

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
    const selected = [...doc.querySelectorAll(OUTLOOK.selectedRow)];
    const row = selected.length === 1 ? selected[0]! : null;
    const rowId = row?.getAttribute('data-convid') ?? null;
    const threadId = rowId !== null && THREAD_ID.test(rowId) ? rowId : path.id;
    if (!threadId) return { status: 'unreadable', reason: 'The open Outlook conversation has no id Sidedesk can read.' };
    // The selection moves at once and the pane follows: a pane whose subject is not the
    // selected row's still shows the previous conversation. Never report it under the new id.
    if (row && squash(subject) && !squash(clip(row.textContent, 20_000)).includes(squash(subject))) {
      return { status: 'unreadable', reason: 'Outlook is still opening the conversation.' };
    }
    const account = accountOf(doc);
    if (!account) return { status: 'unreadable', reason: `Sidedesk can't find which Outlook account is signed in.` };

    const self = account.toLowerCase();
    const isOther = (p: { email: string }) => p.email !== '' && p.email.toLowerCase() !== self;
    // Each message's header line; not the subject, where it is a heading of the same level.
    const headings = headerParts(pane, OUTLOOK.messageHeading).filter((h) => h !== subjectEl && !h.contains(subjectEl));
    const senders = headings.flatMap((h) => [...h.querySelectorAll(OUTLOOK.person)]);
    const recipients = headerParts(pane, OUTLOOK.person).filter((el) => !senders.includes(el));
    const others = distinct([...senders, ...recipients].map(person).filter(isOther));
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
        contact: senders.map(person).find(isOther) ?? others[0] ?? null,
        participants: others,
        messageCount: headings.length,
        // Outlook shows times only as localised text ("Thu 10/30/2025 6:56 PM", "czw. 30.10.2025
        // 18:56") whose day/month order follows the user's settings: nothing to parse safely.
        lastMessageAt: null,
      },
    };
  },

  chipAnchor(doc) {
    const subject = subjectOf(doc);
    return subject?.closest('[role="heading"]') ?? subject;
  },
  watchTarget: (doc) => readingPane(doc) ?? doc.querySelector(OUTLOOK.mainModule),
};
