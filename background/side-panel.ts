/**
 * Opens Chrome's side panel on a tab, or Firefox's sidebar. Both need the user's click (or
 * shortcut, or menu click) behind the call; false when the browser refuses or has neither.
 */
export async function openSidePanel(tabId: number | undefined): Promise<boolean> {
  const sidePanel = (globalThis as { chrome?: { sidePanel?: { open(o: { tabId: number }): Promise<void> } } }).chrome?.sidePanel;
  const sidebar = (browser as { sidebarAction?: { open(): Promise<void> } }).sidebarAction;
  try {
    if (sidePanel && tabId !== undefined) return (await sidePanel.open({ tabId }), true);
    if (sidebar) return (await sidebar.open(), true);
  } catch {
    // Refused (no user gesture): the caller says what to do instead.
  }
  return false;
}
