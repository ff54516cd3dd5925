import { describe, expect, it } from 'vitest';
import { displayableProperties, moveProperty, propertyValue } from '@/domain';
import { cmd, deskWith, ok, ticketOn } from '@/test/support/scenario';

describe('displayed properties (rule 7)', () => {
  it("offers the built-in properties, then the ticket's free ones", async () => {
    const desk = await deskWith('a');
    const ticket = await ticketOn(desk, 'a');
    await ok(
      desk.run(cmd({ type: 'updateTicket', ticketId: ticket.id, rev: ticket.rev, changes: { properties: { plan: 'pro', seats: 5 } } })),
    );
    const t = desk.state.tickets.get(ticket.id)!;
    expect(displayableProperties(t).slice(-2)).toEqual(['properties.plan', 'properties.seats']);
    expect(propertyValue(t, 'properties.seats')).toBe(5);
    expect(propertyValue(t, 'contactEmail')).toBe('customer-a@klient.pl');
    expect(propertyValue(t, 'rev')).toBeNull();
  });

  it.each([
    [['a', 'b', 'c'], 'b', -1, ['b', 'a', 'c']],
    [['a', 'b', 'c'], 'b', 1, ['a', 'c', 'b']],
    [['a', 'b', 'c'], 'a', -1, ['a', 'b', 'c']],
    [['a', 'b', 'c'], 'c', 1, ['a', 'b', 'c']],
    [['a', 'b', 'c'], 'x', 1, ['a', 'b', 'c']],
  ] as const)('moves %j %s by %i', (order, key, by, expected) => {
    expect(moveProperty([...order], key, by)).toEqual(expected);
  });
});
