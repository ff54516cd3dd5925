/**
 * What the background tells a webmail tab's content script. Zod-free, as the content script is:
 * it checks the sender is Sidedesk itself and reads nothing else from the message.
 */
export type TabMessage = { sidedesk: 1; name: 'changed' };

/** Tickets changed: the chip re-reads its conversation's ticket. */
export const TICKETS_CHANGED: TabMessage = { sidedesk: 1, name: 'changed' };

export function isTicketsChanged(message: unknown): boolean {
  return (message as Partial<TabMessage> | null)?.sidedesk === 1 && (message as TabMessage).name === TICKETS_CHANGED.name;
}
