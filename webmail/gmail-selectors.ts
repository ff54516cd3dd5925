/**
 * Gmail's markup, kept as data in one place. Rollouts reach accounts at different times, so the
 * generations stay side by side, newest first, each with the date it was seen.
 */
export const GMAIL = {
  main: '[role=main]',
  /** Thread container generations. */
  threadContainers: [
    { seen: '2023-11', selector: '[role=main] .a98.iY' },
    // Gmail builds this table by script, with no <tbody>; a saved page parsed again gets one.
    { seen: 'until 2023-11', selector: '[role=main] table.Bs > tr, [role=main] table.Bs > tbody > tr' },
  ],
  /** Split-pane preview (vertical, horizontal). */
  splitPanes: ['.aia', '.ao9'],
  /** Subject heading; carries the hex id (= Gmail API threadId) and the perm id. */
  subject: 'h2.hP',
  /** The thread list; with no subject heading it means no conversation is open. */
  threadList: '[gh=tl]',
  /** Split pane: the id of the selected row, when the preview heading has none. */
  selectedRowThread: '[gh=tl] tr.aps [data-legacy-thread-id]',
  message: 'div.adn[data-legacy-message-id]',
  /** A message's body (`.ii.gt` wraps it, `.a3s` holds the sender's HTML, quoted and forwarded
   * mail included): nothing inside it is ever read as a header. */
  messageBody: '.ii.gt, .a3s',
  sender: 'span.gD[email]',
  recipient: 'span.g2[email]',
  /** "Google Account: Name (me@example.com)" */
  accountButton: 'a[aria-label*="@"][href*="accounts.google.com"]',
} as const;
