import fc from 'fast-check';
import Dexie, { liveQuery } from 'dexie';
import { IDBFactory } from 'fake-indexeddb';
import { describe, expect, it, vi } from 'vitest';
import { PROVIDER_IDS } from '@/domain';
import { browserAccounts } from '@/store/accounts';
import { ACCOUNT, conversationRecord, convId, observe } from '@/test/support/builders';
import { createTestDesk, openTestDatabase } from '@/test/support/store';

// A live query runs only where Dexie sees an IndexedDB of the environment's own (Node has none; each
// test database is given its own factory).
Dexie.dependencies.indexedDB ??= new IDBFactory();

const settle = () => new Promise((resolve) => setTimeout(resolve, 50));

/** The accounts read the slow, sure way: from every stored conversation id. */
async function accountsFromEveryId(db: ReturnType<typeof openTestDatabase>): Promise<string[]> {
  const ids = (await db.conversations.toCollection().primaryKeys()) as string[];
  const byProvider = PROVIDER_IDS.map((p) => [
    ...new Set(ids.filter((id) => id.startsWith(`${p}:`)).map((id) => id.slice(p.length + 1, id.indexOf(':', p.length + 1)))),
  ]);
  const accounts = byProvider.flatMap((list) => list.slice(0, 25)).filter((a) => !a.endsWith('.invalid'));
  return [...new Set(accounts)].slice(0, 25);
}

describe("this browser's accounts", () => {
  it('a live query of them runs again when an account comes or goes, not for every conversation observed under one it knows', async () => {
    const { db, desk } = await createTestDesk();
    await desk.execute(observe('a'));
    let runs = 0;
    let value: string[] = [];
    const subscription = liveQuery(() => (runs++, browserAccounts(db))).subscribe((v) => (value = v));
    await vi.waitFor(() => expect(value).toEqual([ACCOUNT]));
    // Its first look walked the accounts; from the second on it checks what it found.
    await desk.execute(observe('b'));
    await settle();
    const before = runs;
    for (const thread of ['c', 'd', 'e']) await desk.execute(observe(thread));
    await settle();
    expect(runs).toBe(before);

    const other = 'other@sidedesk.test';
    await desk.execute(observe('f', { account: other }));
    await vi.waitFor(() => expect(value).toEqual([ACCOUNT, other]));
    expect(runs).toBe(before + 1);
    await db.conversations.delete(convId('f', other));
    await vi.waitFor(() => expect(value).toEqual([ACCOUNT]));
    subscription.unsubscribe();
  });

  it('are those of the stored conversations after any sequence of conversations stored and deleted', async () => {
    const accounts = ['a@x.pl', 'b@x.pl', 'ab@x.pl', 'ab.c@x.pl', 'page@account.invalid'];
    const step = fc.oneof(
      fc.record({
        put: fc.constantFrom(...PROVIDER_IDS.slice(0, 2)),
        account: fc.constantFrom(...accounts),
        thread: fc.constantFrom('t1', 't2', 't3'),
      }),
      fc.record({ remove: fc.nat() }),
    );
    await fc.assert(
      fc.asyncProperty(fc.array(step, { maxLength: 25 }), async (steps) => {
        const db = openTestDatabase();
        for (const s of steps) {
          if ('put' in s) await db.conversations.put(conversationRecord(s.account, s.thread, s.put));
          else {
            const ids = await db.conversations.toCollection().primaryKeys();
            if (ids.length) await db.conversations.delete(ids[s.remove % ids.length]!);
          }
          expect(await browserAccounts(db)).toEqual(await accountsFromEveryId(db));
        }
        db.close();
      }),
      { numRuns: 40 },
    );
  });

  it('are at most 25 of a provider, the first in key order, however many come after them', async () => {
    const db = openTestDatabase();
    const name = (n: number) => `agent${String(n).padStart(2, '0')}@x.pl`;
    await db.conversations.bulkPut(Array.from({ length: 30 }, (_, n) => conversationRecord(name(n + 10), 't', 'gmail')));
    expect(await browserAccounts(db)).toEqual(await accountsFromEveryId(db));
    await db.conversations.put(conversationRecord(name(99), 't', 'gmail'));
    expect(await browserAccounts(db)).toEqual(await accountsFromEveryId(db));
    await db.conversations.put(conversationRecord(name(0), 't', 'gmail'));
    expect(await browserAccounts(db)).toEqual(await accountsFromEveryId(db));
    expect((await browserAccounts(db))[0]).toBe(name(0));
  });
});
