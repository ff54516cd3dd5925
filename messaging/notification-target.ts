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
