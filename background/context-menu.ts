import { WEBMAIL_MATCHES } from '@/domain/zod-free/providers';
import type { TabActions } from './tab-actions';

export const CREATE_TICKET_MENU = 'sidedesk-create-ticket';

/** The parts of `browser.contextMenus` used here. */
export interface MenusApi {
  removeAll(): Promise<void>;
  create(props: {
    id: string;
    title: string;
    contexts: ['page' | 'selection' | 'link', ...Array<'page' | 'selection' | 'link'>];
    documentUrlPatterns: string[];
  }): unknown;
}

export interface MenuClick {
  menuItemId: string | number;
  selectionText?: string;
}

export interface ContextMenuDeps {
  actions: TabActions;
  menus: MenusApi;
  /** Opens the side panel on the tab (inside the click's user gesture). */
  openPanel: (tabId: number | undefined) => Promise<boolean>;
  openTicketPage: (ticketId: string) => Promise<void>;
  /** Tells the user why nothing was created. */
  tell: (message: string) => Promise<void>;
  title: string;
}

/** "Create ticket" on webmail pages: the selection becomes the description; a conversation that
 * already has a ticket opens it instead (rule 1); afterwards the side panel shows the ticket. */
export function createContextMenu({ actions, menus, openPanel, openTicketPage, tell, title }: ContextMenuDeps) {
  return {
    async register() {
      await menus.removeAll();
      menus.create({ id: CREATE_TICKET_MENU, title, contexts: ['page', 'selection', 'link'], documentUrlPatterns: WEBMAIL_MATCHES });
    },

    async onClicked(info: MenuClick, tabId: number | undefined) {
      if (info.menuItemId !== CREATE_TICKET_MENU) return { ticketId: null, reason: 'not ours' };
      // Asked first, while the click's user gesture is still valid; the panel follows the tab
      // and shows the ticket as soon as it is stored.
      const panel = openPanel(tabId);
      const result = await actions.createTicket(tabId, info.selectionText ?? '', 'context-menu');
      if (!result.ok) {
        await tell(result.reason);
        return { ticketId: null, reason: result.reason };
      }
      if (!result.created && !(await panel)) await openTicketPage(result.ticketId);
      return { ticketId: result.ticketId };
    },
  };
}
