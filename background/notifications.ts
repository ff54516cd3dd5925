/** What a notification leads to when clicked: a ticket's record page, or a conversation's thread. */
export type NotificationTarget = { kind: 'ticket'; id: string } | { kind: 'conversation'; id: string } | { kind: 'none' };

const PREFIX = 'sidedesk';

/** A notification id that carries its target (the worker may have stopped before the click,
 * so no map in memory could remember it). Unique per notification. */
export function notificationId(target: NotificationTarget): string {
  const payload = target.kind === 'none' ? '' : encodeURIComponent(target.id);
  return `${PREFIX}|${target.kind}|${payload}|${crypto.randomUUID()}`;
}

/** The target an id carries; `none` for an id that is not ours or does not parse. */
export function targetOf(notificationId: string): NotificationTarget {
  const [prefix, kind, payload] = notificationId.split('|');
  if (prefix !== PREFIX || payload === undefined) return { kind: 'none' };
  try {
    const id = decodeURIComponent(payload);
    if ((kind === 'ticket' || kind === 'conversation') && id) return { kind, id };
  } catch {
    // A malformed escape: not one of ours.
  }
  return { kind: 'none' };
}

export interface NotifierDeps {
  create: (id: string, options: { type: 'basic'; iconUrl: string; title: string; message: string }) => Promise<unknown>;
  clear: (id: string) => Promise<unknown>;
  iconUrl: string;
  /** Whether the target still exists, and where a click on it leads. */
  ticketExists: (ticketId: string) => Promise<boolean>;
  conversationUrl: (conversationId: string) => Promise<string | undefined>;
  openTicketPage: (ticketId: string) => Promise<void>;
  openUrl: (url: string) => Promise<unknown>;
}

/** Sidedesk's notifications: shown with their target in the id, opened when clicked. */
export function createNotifier(deps: NotifierDeps) {
  return {
    async notify(message: string, title = 'Sidedesk', target: NotificationTarget = { kind: 'none' }): Promise<void> {
      await deps.create(notificationId(target), { type: 'basic', iconUrl: deps.iconUrl, title, message });
    },
    /** A click leads to the ticket or the thread, if it still exists. */
    async onClicked(id: string): Promise<void> {
      const target = targetOf(id);
      if (target.kind === 'ticket' && (await deps.ticketExists(target.id))) await deps.openTicketPage(target.id);
      if (target.kind === 'conversation') {
        const url = await deps.conversationUrl(target.id);
        if (url) await deps.openUrl(url);
      }
      await deps.clear(id);
    },
  };
}
export type Notifier = ReturnType<typeof createNotifier>;
