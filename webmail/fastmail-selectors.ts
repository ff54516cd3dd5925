/**
 * Fastmail's markup, kept as data in one place. Fastmail's web client is closed source and built
 * on Overture, whose views name their classes `v-<View>-<part>`; element ids (`h1#v391`) are made
 * per render and never used. Each entry names where it was seen; all were gathered 2026-11-25.
 * Fastmail says its DOM "is not guaranteed to remain stable in any way" (joelekstrom/fastmate#15).
 */
export const FASTMAIL = {
  /** The signed-in address, read as the email by davestewart/better-fastmail (scripts/main.js); it
   * sits in `button.v-MainNavToolbar`, which a 2026-08 harness still finds in `.v-PageHeader`. */
  account: '.v-MainNavToolbar-userName',
  /** The two panes of the split view (yohasebe/fastmail-plus content/selectors.js, "last verified
   * 2026-06-04") and the list inside the first (`ul.v-Mailbox`, better-fastmail, page objects). */
  mailboxPane: '#mailbox',
  list: '.v-Mailbox',
  conversationPane: '#conversation',
  /** Subject "and nothing else" (Fastmail shell spike findings, 2026-08-11). */
  subject: '.v-Thread-title h1',
  /** One card per message; a draft reply is a card too but not a message of the thread
   * (`.v-MessageCard:not(.v-MessageCard--draft)`, webmail-message-id extension). */
  message: '.v-Thread .v-MessageCard:not(.v-MessageCard--draft)',
  /** `h2.v-MessageCard-from`: the name as text, the address as `title` (a filter extension
   * searches by it as "sender email"); `.v-MessageCard-unknownSender` shows a bare address. */
  from: '.v-MessageCard-from',
  unknownSender: '.v-MessageCard-unknownSender',
  /** The "to" names of an expanded card; their `title` is taken to be the address, as the
   * sender's is, and checked to be one (the sources read it but do not say what it holds). */
  to: '.v-Message-toName[title]',
} as const;
