import { GMAIL } from './gmail-selectors';
import type { ReadingInput } from './reading';
import type { WebmailReader } from './reader';

const EMAIL = /[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+/;

/** The signed-in account: Gmail's title is "Inbox (3) - me@example.com - Gmail". */
function accountOf(doc: Document): string | null {
  const fromTitle = doc.title.match(EMAIL)?.[0];
  if (fromTitle) return fromTitle;
  const button = doc.querySelector('a[aria-label*="@"][href*="accounts.google.com"]')?.getAttribute('aria-label');
  return button?.match(EMAIL)?.[0] ?? null;
}

/** `thread-f:1782496468553478343` is the hex thread id in decimal; other forms do not convert. */
export function threadIdFromPermId(permId: string | null): string | null {
  const m = permId?.match(/^thread-f:(\d{1,20})$/);
  return m ? BigInt(m[1]!).toString(16) : null;
}

function threadIdOf(heading: Element): string | null {
  const legacy = heading.getAttribute('data-legacy-thread-id');
  if (legacy && /^[0-9a-f]{1,16}$/.test(legacy)) return legacy;
  return threadIdFromPermId(heading.getAttribute('data-thread-perm-id'));
}

function person(el: Element) {
  return { email: el.getAttribute('email') ?? '', name: el.getAttribute('name') ?? el.textContent ?? '' };
}

export const gmailReader: WebmailReader = {
  provider: 'gmail',
  matches: (url) => url.hostname === 'mail.google.com',
  read(doc: Document, url: URL): ReadingInput {
    const account = accountOf(doc);
    if (!account) return { status: 'unreadable', reason: 'The signed-in Gmail account could not be found.' };
    const heading = doc.querySelector(GMAIL.subject);
    if (!heading) {
      const main = doc.querySelector('[role=main]');
      return main || doc.querySelector(GMAIL.threadList)
        ? { status: 'none', reason: 'No conversation is open.' }
        : { status: 'unreadable', reason: 'This Gmail layout has no main area Sidedesk knows.' };
    }
    const threadId = threadIdOf(heading);
    if (!threadId) return { status: 'unreadable', reason: 'The open conversation has no thread id Sidedesk can read.' };

    const self = account.toLowerCase();
    const senders = [...doc.querySelectorAll(GMAIL.sender)].map(person);
    const recipients = [...doc.querySelectorAll(GMAIL.recipient)].map(person);
    const others = [...senders, ...recipients].filter((p) => p.email.toLowerCase() !== self);
    const contact = senders.find((p) => p.email.toLowerCase() !== self) ?? others[0] ?? null;
    return {
      status: 'conversation',
      observation: {
        provider: 'gmail',
        account,
        threadId,
        subject: heading.textContent ?? '',
        url: `${url.origin}${url.pathname}#all/${threadId}`,
        contact,
        participants: others,
      },
    };
  },
};
