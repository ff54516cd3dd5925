import { rebuildCounts } from '@/store/ticket-counts';
import { describe, expect, it } from 'vitest';
import { createBadge } from '@/background/badge';
import { DEFAULT_SETTINGS, type Ticket } from '@/domain';
import { loadHome, MINE_READ_MAX, MINE_SHOWN } from '@/entrypoints/sidepanel/home';
import { browserAccounts } from '@/store/accounts';
import { loadPanel } from '@/entrypoints/sidepanel/model';
import { conversationRecord, ticketRecord } from '@/test/support/builders';
import { openTestDatabase } from '@/test/support/store';

const ME = 'anna@desk.pl';
const MY_OTHER = 'anna.private@gmail.com';
const COLLEAGUE = 'piotr@desk.pl';

const ticket = (n: number, over: Partial<Ticket> = {}): Ticket => ({ ...ticketRecord(n), ...over });

describe('the panel home: whose queue', () => {
  it('is every account this browser has read mail as, not a colleague added by hand, nor a page that hid its account', async () => {
    const db = openTestDatabase();
    await db.conversations.bulkPut([
      ...Array.from({ length: 50 }, (_, i) => conversationRecord(ME, `t${i}`)),
      conversationRecord(MY_OTHER, 'x'),
      conversationRecord(ME, 'o1', 'outlook'),
      conversationRecord('unknown@account.invalid', 'y', 'proton'),
    ]);
    await db.settings.put({
      key: 'settings',
      value: { ...DEFAULT_SETTINGS, team: [{ id: COLLEAGUE, name: 'Piotr', email: COLLEAGUE }] },
    });
    expect((await browserAccounts(db)).sort()).toEqual([MY_OTHER, ME].sort());
  });
});

describe('the panel home: my open tickets', () => {
  it('lists open tickets owned by my accounts, longest waiting first, with stage and age from the record', async () => {
    const db = openTestDatabase();
    await db.conversations.bulkPut([conversationRecord(ME, 'a'), conversationRecord(MY_OTHER, 'b', 'outlook')]);
    await db.tickets.bulkPut([
      ticket(1, { ownerId: ME, stageId: 'closed' }),
      ticket(2, { ownerId: ME, stageId: 'waiting-on-us', updatedAt: 50 }),
      ticket(3, { ownerId: COLLEAGUE }),
      ticket(4, { ownerId: MY_OTHER, updatedAt: 10 }),
      ticket(5, { ownerId: null }),
      ticket(6, { ownerId: ME, stageId: 'waiting-on-contact', updatedAt: 30 }),
    ]);
    const home = await loadHome(db, DEFAULT_SETTINGS);
    expect(home.accounts.sort()).toEqual([MY_OTHER, ME].sort());
    expect(home.mine.map((t) => t.id)).toEqual(['t4', 't6', 't2']);
    expect(home.more).toBe(0);
  });

  it('is bounded: 500 open tickets of mine show the first ten and say how many more', async () => {
    const db = openTestDatabase();
    await db.conversations.put(conversationRecord(ME, 'a'));
    await db.tickets.bulkPut([
      ...Array.from({ length: 500 }, (_, i) => ticket(i + 1, { ownerId: ME })),
      ...Array.from({ length: 300 }, (_, i) => ticket(i + 1001, { ownerId: ME, stageId: 'closed' })),
      ...Array.from({ length: 200 }, (_, i) => ticket(i + 2001, { ownerId: COLLEAGUE })),
    ]);
    const home = await loadHome(db, DEFAULT_SETTINGS);
    expect(home.mine).toHaveLength(MINE_SHOWN);
    expect(home.mine.map((t) => t.number)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(home.more).toBe(490);
    expect(home.moreCapped).toBe(false);
  });

  it('stops reading at its cap, and says the count is a floor', async () => {
    const db = openTestDatabase();
    await db.conversations.put(conversationRecord(ME, 'a'));
    await db.tickets.bulkPut(Array.from({ length: MINE_READ_MAX + 20 }, (_, i) => ticket(i + 1, { ownerId: ME })));
    const home = await loadHome(db, DEFAULT_SETTINGS);
    expect(home.mine).toHaveLength(MINE_SHOWN);
    expect(home.more).toBe(MINE_READ_MAX - MINE_SHOWN);
    expect(home.moreCapped).toBe(true);
  });

  it('has no tickets of mine when this browser has read no mail yet', async () => {
    const db = openTestDatabase();
    await db.tickets.bulkPut([ticket(1, { ownerId: ME })]);
    expect((await loadHome(db, DEFAULT_SETTINGS)).mine).toEqual([]);
  });
});

describe('the panel home: waiting on us and recent', () => {
  it('counts what the toolbar badge counts, whoever owns it, and lists the five most recently changed tickets', async () => {
    const db = openTestDatabase();
    await db.tickets.bulkPut([
      ticket(1, { stageId: 'new' }),
      ticket(2, { stageId: 'waiting-on-us', ownerId: COLLEAGUE }),
      ticket(3, { stageId: 'waiting-on-contact' }),
      ticket(4, { stageId: 'closed' }),
      ...Array.from({ length: 20 }, (_, i) => ticket(i + 10, { stageId: 'closed' })),
    ]);
    // Written straight to the table, not through the desk: its counts as the desk would keep them.
    await rebuildCounts(db, await db.tickets.toArray());
    const home = await loadHome(db, DEFAULT_SETTINGS);
    expect(home.waitingOnUs).toBe(2);
    expect(await createBadge(db, async () => undefined)()).toBe(home.waitingOnUs);
    expect(home.recent.map((t) => t.number)).toEqual([29, 28, 27, 26, 25]);
  });

  it('is read only when no conversation is open', async () => {
    const db = openTestDatabase();
    await db.conversations.put(conversationRecord(ME, 'a'));
    await db.tabs.bulkPut([
      { tabId: 1, conversationId: `gmail:${ME}:a`, url: 'https://mail.google.com/', health: { status: 'ok' }, at: 1 },
      { tabId: 2, conversationId: null, url: 'https://mail.google.com/', health: { status: 'ok' }, at: 1 },
    ]);
    expect((await loadPanel(db, 1)).home).toBeUndefined();
    expect((await loadPanel(db, 2)).home?.accounts).toEqual([ME]);
    expect((await loadPanel(db, null)).home).toBeDefined();
  });

  it('is the followed tab’s account when the panel saw the tab signed in to it, else every account of this browser', async () => {
    const db = openTestDatabase();
    await db.conversations.bulkPut([conversationRecord(ME, 'a'), conversationRecord(MY_OTHER, 'b')]);
    await db.tickets.bulkPut([ticket(1, { ownerId: ME }), ticket(2, { ownerId: MY_OTHER })]);
    const inbox = 'https://mail.google.com/mail/u/1/#inbox';
    await db.tabs.put({ tabId: 2, conversationId: null, url: inbox, health: { status: 'ok' }, at: 1 });
    const known = { tabId: 2, account: MY_OTHER, place: 'https://mail.google.com/mail/u/1/' };
    const ofTab = (await loadPanel(db, 2, known)).home!;
    expect([ofTab.accounts, ofTab.accountOfTab, ofTab.mine.map((t) => t.id)]).toEqual([[MY_OTHER], true, ['t2']]);
    const all = (await loadPanel(db, 2, { ...known, place: 'https://mail.google.com/mail/u/0/' })).home!;
    expect([all.accountOfTab, all.mine.map((t) => t.id).sort()]).toEqual([false, ['t1', 't2']]);
  });
});
