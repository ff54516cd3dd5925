import { describe, expect, it } from 'vitest';
import type { Conversation, TrashGroup } from '@/domain';
import { loadTrash, SEARCH_WINDOW, TRASH_PAGE, trashMatches } from '@/entrypoints/trash/model';
import { ACCOUNT, convId, observe, rid, ticketRecord } from '@/test/support/builders';
import { createTestDesk, openTestDatabase } from '@/test/support/store';

function conversation(thread: string, over: Partial<Conversation> = {}): Conversation {
  return {
    id: convId(thread),
    provider: 'gmail',
    account: ACCOUNT,
    threadId: thread,
    subject: `Subject ${thread}`,
    url: null,
    contactEmail: `customer-${thread}@klient.pl`,
    participants: [{ email: `customer-${thread}@klient.pl`, name: `Customer ${thread}` }],
    messageCount: 1,
    lastMessageAt: null,
    ownerId: null,
    state: 'open',
    ticketId: null,
    firstSeenAt: 1,
    lastSeenAt: 1,
    rev: 1,
    ...over,
  };
}

/** Group `n`, trashed at time `n`, holding ticket `n` and its conversation (or the conversation alone). */
function group(n: number, withTicket = true, over: Partial<Conversation> = {}): TrashGroup {
  const ticket = { ...ticketRecord(n, `Order ${n} did not arrive`), contactEmail: `customer-${n}@klient.pl` };
  return {
    id: `g${n}`,
    trashedAt: n,
    actor: ACCOUNT,
    origin: withTicket ? { kind: 'delete-ticket', ticketId: ticket.id } : { kind: 'trash-conversation', conversationId: convId(`${n}`) },
    tickets: withTicket ? [ticket] : [],
    conversations: [conversation(`${n}`, { ticketId: withTicket ? ticket.id : null, ...over })],
    timeline: [],
  };
}

const ids = (groups: TrashGroup[]) => groups.map((g) => g.id);

describe('the trash page model', () => {
  it('lists the groups newest first, a page at a time, and says when there are more', async () => {
    const db = openTestDatabase();
    await db.trash.bulkPut(Array.from({ length: TRASH_PAGE + 3 }, (_, i) => group(i + 1)));
    const first = await loadTrash(db, { text: '', shown: TRASH_PAGE, target: null });
    expect(first.groups).toHaveLength(TRASH_PAGE);
    expect(ids(first.groups).slice(0, 2)).toEqual([`g${TRASH_PAGE + 3}`, `g${TRASH_PAGE + 2}`]);
    expect(first.more).toBe(true);
    const all = await loadTrash(db, { text: '', shown: TRASH_PAGE * 2, target: null });
    expect([all.groups.length, all.more, all.windowed]).toEqual([TRASH_PAGE + 3, false, false]);
  });

  it('reaches down to an older group the address names, so the page can scroll to it', async () => {
    const db = openTestDatabase();
    await db.trash.bulkPut(Array.from({ length: 60 }, (_, i) => group(i + 1)));
    const model = await loadTrash(db, { text: '', shown: TRASH_PAGE, target: 'g3' });
    expect(ids(model.groups)).toContain('g3');
    expect(model.groups.at(-1)!.id).toBe('g3');
    // A group that is no longer there (restored, deleted forever) changes nothing.
    expect((await loadTrash(db, { text: '', shown: TRASH_PAGE, target: 'gone' })).groups).toHaveLength(TRASH_PAGE);
  });

  it.each([
    ['T-0042', true],
    ['t42', true],
    ['#42', true],
    ['42', true],
    ['T-0043', false],
    ['order 42', true],
    ['ARRIVE', true],
    ['customer-42@klient.pl', true],
    ['Customer 42', true],
    ['subject 42', true],
    ['order refund', false],
  ])('finds a group by its ticket number, name, contact or subject: %s → %s', (text, found) => {
    expect(trashMatches(group(42), text)).toBe(found);
  });

  it('finds a lone conversation by its subject and contact, and never by a number it does not have', () => {
    const lone = group(7, false, { subject: 'Refund for #3920' });
    expect(trashMatches(lone, 'refund')).toBe(true);
    expect(trashMatches(lone, 'customer-7')).toBe(true);
    expect(trashMatches(lone, '7')).toBe(true); // the contact's address holds it
    expect(trashMatches(lone, 'T-0007')).toBe(false);
  });

  it(`searches the newest ${SEARCH_WINDOW} groups and says when older ones were not read`, async () => {
    const db = openTestDatabase();
    await db.trash.bulkPut(Array.from({ length: SEARCH_WINDOW + 1 }, (_, i) => group(i + 1)));
    const found = await loadTrash(db, { text: 'T-0002', shown: TRASH_PAGE, target: null });
    expect([ids(found.groups), found.windowed]).toEqual([['g2'], true]);
    // Group 1 is the oldest: past the window.
    expect((await loadTrash(db, { text: 'T-0001', shown: TRASH_PAGE, target: null })).groups).toEqual([]);
  });

  it('shows a group as the desk stored it: the ticket, every conversation, who and from which action', async () => {
    const { db, desk, tick } = await createTestDesk();
    await desk.execute(observe('a'));
    await desk.execute(observe('b'));
    const created = await desk.execute({ type: 'createTicket', requestId: rid(), actor: ACCOUNT, conversationId: convId('a'), draft: {} });
    if (!created.ok) throw new Error(created.error.message);
    const ticket = created.data.ticket!;
    await desk.execute({
      type: 'addConversationToTicket',
      requestId: rid(),
      actor: ACCOUNT,
      conversationId: convId('b'),
      ticketId: ticket.id,
    });
    tick();
    const fresh = (await db.tickets.get(ticket.id))!;
    await desk.execute({ type: 'deleteTicket', requestId: rid(), actor: ACCOUNT, ticketId: ticket.id, rev: fresh.rev });
    const model = await loadTrash(db, { text: 'customer-b', shown: TRASH_PAGE, target: null });
    expect(model.groups).toHaveLength(1);
    const [g] = model.groups;
    expect([g!.actor, g!.origin.kind, g!.tickets[0]!.number, g!.conversations.map((c) => c.threadId).sort()]).toEqual([
      ACCOUNT,
      'delete-ticket',
      1,
      ['a', 'b'],
    ]);
  });
});
