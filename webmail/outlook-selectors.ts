/**
 * Outlook on the web's markup, kept as data in one place. Its class names are generated per build
 * (`OZZZK`, `JdFsz`, `AL_OM`...) and change without notice, so nothing here uses them: only ids,
 * ARIA roles and levels, and `data-*` attributes, which accessibility and Outlook's own tests
 * keep stable. Localised words are never needed; one English label is kept as a last fallback.
 * Generations stay side by side, newest first. "seen" dates when public extension, userscript and
 * test-automation code was found relying on each, from that code's own dates or API era (our
 * sightings, approximate; Microsoft publishes no dates); "assumed" marks what no code showed.
 */
export const OUTLOOK = {
  /** The reading pane: where the open conversation is painted. */
  readingPane: [
    // In Selenium 3 / Protractor XPaths (so by 2021) and in extensions through 2026; not localised.
    { seen: '2021 → 2026', selector: '#ReadingPaneContainerId' },
    // The region names of the "One Outlook" client shared with the new Outlook for Windows.
    { seen: '2025 → 2026', selector: '[data-app-section="MailReadCompose"]' },
    // English only: a last fallback for a build that drops both of the above.
    { seen: '2025 → 2026', selector: '[role="main"][aria-label="Reading Pane"]' },
  ],
  /** The message list: rows are options of a listbox, each conversation with its `data-convid`. */
  messageList: [
    { seen: '2025 → 2026', selector: '[role="listbox"]' },
    { seen: '2025 → 2026', selector: '[data-app-section="MessageList"]' },
  ],
  /** The highlighted conversation. Several selected rows mean a multiple selection, not a reading. */
  selectedRow: '[role="option"][aria-selected="true"][data-convid]',
  /** The conversation subject, newest generation first. */
  subject: [
    // The subject span of the conversation header (`CONV_<n>_SUBJECT`; compose uses an input).
    { seen: '2026', selector: '[id^="CONV_"][id$="_SUBJECT"]:not(input)' },
    // The header heading; its text also holds buttons (Copilot's "Summarize"), the span does not.
    { seen: '2025 → 2026', selector: '[role="heading"][aria-level="2"] span[title]' },
    { seen: '2025 → 2026', selector: '[role="heading"][aria-level="2"]' },
  ],
  /** Older and some tenants' headers: the subject is a level-3 heading, like each message's
   * header line, but the only one with no person in it (issue 3's own description). */
  subjectLevel3: '[role="heading"][aria-level="3"]',
  /** One per message of the conversation, collapsed or expanded: its header line (seen 2026). */
  messageHeading: '[role="heading"][aria-level="3"]',
  /** A person: the address in `title`, the display name as text (seen 2025 → 2026). */
  person: '[title*="@"]',
  /** A sender some builds label instead (`<span aria-label="From: a@b.example">`); with neither,
   * the header line's own text holds the address ("Anna Kowalska <anna@klient.pl>"). */
  personLabelled: '[aria-label*="@"]',
  /** Message bodies are the senders' HTML: nothing inside them is ever read as a header
   * (`role="document"` seen 2025 → 2026, `UniqueMessageBody_<n>` ids 2024 → 2026). */
  messageBody: '[role="document"], [id^="UniqueMessageBody"]',
  /** Holds list and pane: watched while the page has no reading pane yet (seen 2021 → 2026). */
  mainModule: '#MainModule',
  /** The signed-in account's address, in the order tried; then the address's mailbox segment. */
  account: [
    // Microsoft 365's "me control" account card (name, then address), in the page once opened.
    { seen: '2022 → 2026', selector: '#mectrl_currentAccount_secondary', from: 'text' },
    // The account manager button ("Account manager for <name>"), in case a build adds the address.
    { seen: '2022 → 2026', selector: '#O365_MainLink_Me', from: 'aria-label' },
    // Its tooltip ("Agent Smith\nagent@x"), on builds whose label names only the person.
    { seen: 'assumed, 2026', selector: '#O365_MainLink_Me', from: 'title' },
    // The folder pane's top node as the mailbox, titled with its address (added mailboxes
    // follow it, so the first is the signed-in one). Nested folders never count.
    { seen: 'assumed, 2025', selector: '[role="tree"] [role="treeitem"][aria-level="1"][title*="@"]', from: 'title' },
  ],
} as const;
