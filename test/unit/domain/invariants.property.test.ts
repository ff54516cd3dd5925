import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { COLLEAGUE, rid } from '@/test/support/builders';
import { intents as intentList, seedCommands, toCommand } from '@/test/support/intents';
import { checkState, checkStep } from '@/test/support/invariants';
import { cloneState, createMemoryDesk } from '@/test/support/memory-desk';

async function freshDesk() {
  const desk = createMemoryDesk();
  desk.state.settings.team.push({ id: COLLEAGUE, name: 'Colleague', email: COLLEAGUE });
  for (const input of seedCommands()) await desk.run(input);
  return desk;
}

describe('cascade invariants over any sequence of commands', () => {
  it('hold after every step', async () => {
    await fc.assert(
      fc.asyncProperty(intentList(60), async (intents) => {
        const desk = await freshDesk();
        for (const i of intents) {
          const before = cloneState(desk.state);
          const input = toCommand(i, desk.state);
          const outcome = await desk.run(input);
          checkStep(before, input, outcome, desk.state);
          checkState(desk.state);
          desk.tick();
        }
      }),
      { numRuns: 300 },
    );
  });

  it('trash then restore gives back exactly the prior records, from any state', async () => {
    await fc.assert(
      fc.asyncProperty(intentList(40), fc.nat(), fc.boolean(), async (intents, which, viaTicket) => {
        const desk = await freshDesk();
        for (const i of intents) await desk.run(toCommand(i, desk.state));
        const before = cloneState(desk.state);
        const convs = [...desk.state.conversations.values()];
        const tickets = [...desk.state.tickets.values()];
        const target = viaTicket ? tickets[which % Math.max(1, tickets.length)] : undefined;
        const conv = convs[which % Math.max(1, convs.length)];
        if (!target && !conv) return;
        const trashed = target
          ? await desk.run({ type: 'deleteTicket', requestId: rid(), actor: 'agent', ticketId: target.id, rev: target.rev })
          : await desk.run({ type: 'trashConversation', requestId: rid(), actor: 'agent', conversationId: conv!.id, rev: conv!.rev });
        expect(trashed.ok).toBe(true);
        if (!trashed.ok) return;
        checkState(desk.state);
        const restored = await desk.run({ type: 'restoreTrash', requestId: rid(), actor: 'agent', trashId: trashed.data.trashId! });
        expect(restored.ok).toBe(true);
        expect(desk.state.tickets).toEqual(before.tickets);
        expect(desk.state.conversations).toEqual(before.conversations);
        expect(desk.state.trash).toEqual(before.trash);
        for (const [id, e] of before.timeline) expect(desk.state.timeline.get(id)).toEqual(e);
      }),
      { numRuns: 200 },
    );
  });
});
