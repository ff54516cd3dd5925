import { isWebmailUrl } from '@/domain/zod-free/providers';

/** `?tab=<id>`: a page pinned to one tab (tests); null when it follows the active tab. */
export function pinnedTabId(): number | null {
  return Number(new URLSearchParams(location.search).get('tab')) || null;
}

/**
 * The tab a page speaks about (the pinned one, or the active tab of its window), and its id only
 * while it shows a webmail: the browser gives a tab's address only for the webmail hosts Sidedesk
 * may read, so a tab on another site shows no conversation, whatever was stored for it before.
 */
export async function followedTab(pinned: number | null): Promise<{ id: number | null; windowId: number | undefined }> {
  const tab =
    pinned !== null
      ? await browser.tabs.get(pinned).catch(() => undefined)
      : (await browser.tabs.query({ active: true, currentWindow: true }))[0];
  return { id: tab?.id !== undefined && isWebmailUrl(tab.url) ? tab.id : null, windowId: tab?.windowId };
}
