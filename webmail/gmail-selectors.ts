/**
 * Gmail's markup, kept as data in one place. Rollouts reach accounts at different times, so the
 * generations stay side by side, newest first, each with the date it was seen.
 */
export const GMAIL = {
  /** Thread subject heading; carries the hex thread id (= Gmail API threadId). */
  subject: 'h2.hP',
  /** Thread container: since 2023-11 `.a98.iY` inside the main role; before, `table.Bs > tr`. */
  threadContainer: ['[role=main] .a98.iY', '[role=main] table.Bs > tr'],
  /** The thread list (inbox view): present when no conversation is open. */
  threadList: '[gh=tl]',
  message: 'div.adn',
  sender: 'span.gD[email]',
  recipient: 'span.g2[email]',
} as const;
