import { expect } from 'vitest';
import type { CommandInput, Ticket } from '@/domain';
import { COLLEAGUE, convId, observe, rid } from './builders';
import { createMemoryDesk } from './memory-desk';

/** A memory desk with `threads` observed and a colleague on the team. */
export async function deskWith(...threads: string[]) {
  const desk = createMemoryDesk();
  desk.state.settings.team.push({ id: COLLEAGUE, name: 'Colleague', email: COLLEAGUE });
  for (const t of threads) await ok(desk.run(observe(t)));
  return desk;
}
export type TestDesk = Awaited<ReturnType<typeof deskWith>>;

/** Expects the outcome to be a success and returns its data. */
export async function ok<T extends { ok: boolean }>(pending: Promise<T>): Promise<Extract<T, { ok: true }>> {
  const outcome = await pending;
  if (!outcome.ok) throw new Error(`expected success, got ${JSON.stringify((outcome as { error?: unknown }).error)}`);
  return outcome as Extract<T, { ok: true }>;
}

/** Creates a ticket on the first thread and adds the others to it. */
export async function ticketOn(desk: TestDesk, first: string, ...more: string[]): Promise<Ticket> {
  const created = await ok(desk.run({ type: 'createTicket', requestId: rid(), actor: 'agent', conversationId: convId(first), draft: {} }));
  const ticket = created.data.ticket!;
  for (const t of more) {
    await ok(
      desk.run({ type: 'addConversationToTicket', requestId: rid(), actor: 'agent', conversationId: convId(t), ticketId: ticket.id }),
    );
  }
  return desk.state.tickets.get(ticket.id)!;
}

type WithoutIds<T> = T extends unknown ? Omit<T, 'requestId' | 'actor'> : never;

export function cmd(input: WithoutIds<CommandInput>): CommandInput {
  return { requestId: rid(), actor: 'agent', ...input } as CommandInput;
}

/** Runs a command that must be refused with `code`, and checks it wrote nothing. */
export async function refused(desk: TestDesk, input: CommandInput, code: string) {
  const before = structuredClone(desk.state);
  const outcome = await desk.run(input);
  expect(outcome.ok).toBe(false);
  if (!outcome.ok) expect(outcome.error.code).toBe(code);
  expect(desk.state).toEqual(before);
}

export function stateOf(desk: TestDesk, thread: string) {
  return desk.state.conversations.get(convId(thread))!.state;
}
