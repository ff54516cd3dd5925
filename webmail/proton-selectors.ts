/**
 * Proton Mail's markup, kept as data in one place. Read from Proton's own open-source client
 * (github.com/ProtonMail/WebClients, applications/mail) on 2026-11-25. Proton puts `data-testid`
 * attributes on what its end-to-end tests touch; those outlive its class renames (pt0-5 became
 * pt-2 in 2023), so they come first and classes are used only where no test id exists.
 */
export const PROTON = {
  /** The signed-in user: `<button data-testid="heading:userdropdown" title="Name <me@x>">`, with
   * the address also in `.user-dropdown-email` (packages/components/.../UserDropdownButton.tsx). */
  account: '[data-testid="heading:userdropdown"]',
  accountEmail: '.user-dropdown-email',
  /** MailboxContainer.tsx: the whole mail view, and its two panes. */
  mailbox: '[data-testid="mailbox"]',
  list: '.items-column-list',
  readingPane: 'section.view-column-detail',
  /** ConversationHeader.tsx: `title` is the bare subject; the text also holds NumMessages' "[3]". */
  subject: 'h1[data-testid="conversation-header:subject"]',
  /** ConversationHeader.tsx adds it while the conversation loads (the subject is a &nbsp;). */
  loading: '.message-conversation-summary-is-loading',
  /** Item.tsx: in the column layout the open row says so; absent in the row layout. */
  selectedItem: '[data-shortcut-target="item-container"][data-shortcut-target-selected="true"]',
  /** MessageView.tsx: one `<article>` per message shown, collapsed or not. */
  message: 'article[data-shortcut-target="message-container"]',
  /** HeaderExpanded/HeaderCollapsed.tsx: `is-outbound` marks a message the user sent. */
  outbound: '.message-header.is-outbound',
  /** RecipientItemLayout.tsx: every person is a `.message-recipient-item` whose `title` is the
   * bare address; the expanded header's sender carries `recipients:sender`. */
  person: '.message-recipient-item[title]',
  sender: '[data-testid="recipients:sender"]',
  personName: '[data-testid="recipient-label"]',
} as const;

/** Labels whose second path segment is not an element: `/views/newsletters` (constants.ts). */
export const PROTON_NON_ELEMENT_LABELS: ReadonlySet<string> = new Set(['views']);
