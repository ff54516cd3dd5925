import type { TabActions } from './tab-actions';

/** The keyboard shortcuts (manifest `commands`), by name. */
export const SHORTCUTS = {
  openPanel: 'open-panel',
  createTicket: 'create-ticket',
  closeTicket: 'close-ticket',
} as const;

export interface ShortcutDeps {
  actions: TabActions;
  openPanel: (tabId: number | undefined) => Promise<boolean>;
  tell: (message: string) => Promise<void>;
}

export function createShortcuts({ actions, openPanel, tell }: ShortcutDeps) {
  return async function onCommand(name: string, tabId: number | undefined): Promise<void> {
    if (name === SHORTCUTS.openPanel) {
      await openPanel(tabId);
    } else if (name === SHORTCUTS.createTicket) {
      const panel = openPanel(tabId); // inside the shortcut's gesture
      const result = await actions.createTicket(tabId, '', 'manual');
      await panel;
      if (!result.ok) await tell(result.reason);
    } else if (name === SHORTCUTS.closeTicket) {
      const result = await actions.closeTicket(tabId);
      if (!result.ok) await tell(result.reason);
    }
  };
}
