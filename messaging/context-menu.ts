import type { SidedeskDatabase } from '../store/database';
import type { Desk } from '../store/desk';
import { WEBMAIL_MATCHES } from '../webmail/hosts';

export const CREATE_TICKET_MENU = 'sidedesk-create-ticket';

/** The parts of `browser.contextMenus` used here. */
export interface MenusApi {
  removeAll(): Promise<void>;
  create(props: { id: string; title: string; contexts: ['page' | 'selection' | 'link', ...Array<'page' | 'selection' | 'link'>]; documentUrlPatterns: string[] }): unknown;
}

export interface MenuClick {
  menuItemId: string | number;
  selectionText?: string;
}

export interface ContextMenuDeps {
  desk: Desk;
  db: SidedeskDatabase;
  menus: MenusApi;
  openTicketPage: (ticketId: string) => Promise<void>;
}

/** "Create ticket" on webmail pages. The conversation comes from the tab record the content
 * script keeps current in the database, so it survives the worker being stopped. */
export function createContextMenu({ desk, db, menus, openTicketPage }: ContextMenuDeps) {
  return {
    async register() {
      await menus.removeAll();
      menus.create({ id: CREATE_TICKET_MENU, title: 'Create ticket', contexts: ['page', 'selection', 'link'], documentUrlPatterns: WEBMAIL_MATCHES });
    },

    /** Creates the ticket (the selection becomes its description) or opens the existing one. */
    async onClicked(info: MenuClick, tabId: number | undefined): Promise<{ ticketId: string | null; reason?: string }> {
      if (info.menuItemId !== CREATE_TICKET_MENU || tabId === undefined) return { ticketId: null, reason: 'not ours' };
      const tab = await db.tabs.get(tabId);
      if (!tab?.conversationId) return { ticketId: null, reason: 'No conversation is open in this tab.' };
      const conversation = await db.conversations.get(tab.conversationId);
      if (conversation?.ticketId) {
        await openTicketPage(conversation.ticketId);
        return { ticketId: conversation.ticketId };
      }
      const out = await desk.execute({
        type: 'createTicket',
        requestId: crypto.randomUUID(),
        actor: conversation?.account ?? 'sidedesk',
        conversationId: tab.conversationId,
        draft: { description: info.selectionText ?? '', source: 'context-menu' },
      });
      return out.ok ? { ticketId: out.data.ticket!.id } : { ticketId: null, reason: out.error.message };
    },
  };
}
