import { PROPERTY_PREFIX } from './text';
import type { Ticket } from './ticket';

/** The ticket properties the details panel can show; free properties join as `properties.<key>`. */
export const BUILTIN_PROPERTIES = [
  'description',
  'priority',
  'ownerId',
  'category',
  'source',
  'contactEmail',
  'createdAt',
  'updatedAt',
  'closedAt',
] as const;
export type BuiltinProperty = (typeof BUILTIN_PROPERTIES)[number];

/** Every property a user can choose to display: the built-in ones, then the ticket's own free ones. */
export function displayableProperties(ticket: Ticket): string[] {
  return [
    ...BUILTIN_PROPERTIES,
    ...Object.keys(ticket.properties)
      .sort()
      .map((k) => `properties.${k}`),
  ];
}

/** The raw value of a displayable property (dates stay numbers: the UI formats them). */
export function propertyValue(ticket: Ticket, key: string): string | number | boolean | null {
  if (key.startsWith(PROPERTY_PREFIX)) return ticket.properties[key.slice(PROPERTY_PREFIX.length)] ?? null;
  if ((BUILTIN_PROPERTIES as readonly string[]).includes(key)) return ticket[key as BuiltinProperty];
  return null;
}

/** Moves `key` one place up (-1) or down (+1) in `order`; out of range leaves it. */
export function moveProperty(order: string[], key: string, by: -1 | 1): string[] {
  const i = order.indexOf(key);
  const j = i + by;
  if (i < 0 || j < 0 || j >= order.length) return order;
  const next = [...order];
  [next[i], next[j]] = [next[j]!, next[i]!];
  return next;
}
