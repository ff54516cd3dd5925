import Dexie from 'dexie';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { SidedeskDatabase } from '@/store/database';

describe('database upgrades', () => {
  it('version 2 turns the tab health text of version 1 into a record, reason kept', async () => {
    const indexedDB = new IDBFactory();
    // Version 1 exactly as it shipped (the stores of the tabs table are all that matters here).
    const v1 = new Dexie('sidedesk', { indexedDB, IDBKeyRange });
    v1.version(1).stores({ tabs: 'tabId, conversationId' });
    await v1.table('tabs').bulkPut([
      { tabId: 1, conversationId: 'gmail:a@b.c:1', url: 'https://mail.google.com/', health: 'ok', at: 1 },
      { tabId: 2, conversationId: null, url: 'https://outlook.office.com/mail/', health: 'unreadable: no reading pane: a: b', at: 2 },
      { tabId: 3, conversationId: null, url: 'https://mail.proton.me/', health: 'unreadable: ', at: 3 },
    ]);
    v1.close();

    const db = new SidedeskDatabase({ indexedDB, IDBKeyRange });
    const tabs = await db.tabs.orderBy('tabId').toArray();
    expect(tabs.map((t) => t.health)).toEqual([
      { status: 'ok' },
      { status: 'unreadable', reason: 'no reading pane: a: b' },
      { status: 'unreadable', reason: '' },
    ]);
    expect(tabs[0]).toMatchObject({ conversationId: 'gmail:a@b.c:1', url: 'https://mail.google.com/', at: 1 });
    expect(db.verno).toBe(2);
  });
});
