/** The extension's own pages, as paths from its root: the one place links between them are made. */
export const PAGE_PATHS = {
  sidepanel: '/sidepanel.html',
  popup: '/popup.html',
  record: '/record.html',
  tickets: '/tickets.html',
  trash: '/trash.html',
  options: '/options.html',
} as const;

/** A ticket's record page. */
export function recordPath(ticketId: string): `/record.html?id=${string}` {
  return `${PAGE_PATHS.record}?id=${encodeURIComponent(ticketId)}`;
}

/** A trash group's entry on the trash page, which scrolls to it and marks it. */
export function trashPath(groupId: string): `/trash.html#${string}` {
  return `${PAGE_PATHS.trash}#${encodeURIComponent(groupId)}`;
}
