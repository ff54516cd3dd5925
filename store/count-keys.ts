import type { Ticket } from '@/domain';

/** How many tickets stand in a stage (or an owner's in a stage), kept with every write. */
export interface TicketCountRecord {
  key: string;
  count: number;
}

// A character never met in an id: the parts cannot run into each other.
const SEP = '\u0000';

/** The key of a stage's count: how many tickets stand in it. */
export const stageCountKey = (pipelineId: string, stageId: string): string => `stage${SEP}${pipelineId}${SEP}${stageId}`;
/** The key of an owner's count in a stage. */
export const ownerCountKey = (ownerId: string, pipelineId: string, stageId: string): string =>
  `owner${SEP}${ownerId}${SEP}${pipelineId}${SEP}${stageId}`;
/** Where an owner's counts begin: every stage's, a deleted stage's included. */
export const ownerCountPrefix = (ownerId: string): string => `owner${SEP}${ownerId}${SEP}`;

/** The counts a ticket adds to. */
export function countKeysOf(t: Pick<Ticket, 'pipelineId' | 'stageId' | 'ownerId'>): string[] {
  const keys = [stageCountKey(t.pipelineId, t.stageId)];
  if (t.ownerId) keys.push(ownerCountKey(t.ownerId, t.pipelineId, t.stageId));
  return keys;
}

/** Every count `tickets` make, from scratch, in key order. */
export function countsOf(tickets: Iterable<Ticket>): TicketCountRecord[] {
  const counts = new Map<string, number>();
  for (const t of tickets) for (const key of countKeysOf(t)) counts.set(key, (counts.get(key) ?? 0) + 1);
  return [...counts].map(([key, count]) => ({ key, count })).sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
}
