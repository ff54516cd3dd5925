import Dexie from 'dexie';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { stageCountKey } from '@/store/ticket-counts';
import { countWaitingOnUs } from '@/store/waiting-on-us';
import { describe, expect, it } from 'vitest';
import { SidedeskDatabase } from '@/store/database';
import { DEFAULT_SETTINGS, type TrashGroup } from '@/domain';
import { ticketRecord } from '@/test/support/builders';

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
    expect(db.verno).toBe(9);
  });

  it('version 3 indexes the trash by the tickets and conversations each group holds, groups stored before included', async () => {
    const indexedDB = new IDBFactory();
    // Version 2 as it shipped: the stores of version 1.
    const v2 = new Dexie('sidedesk', { indexedDB, IDBKeyRange });
    v2.version(2).stores({
      tickets: 'id, &number, stageId, ownerId, contactEmail, updatedAt, [pipelineId+stageId]',
      conversations: 'id, ticketId, contactEmail, state, lastSeenAt, [contactEmail+lastSeenAt]',
      contacts: 'email',
      timeline: 'id, ticketId, conversationId, contactEmail, at, [ticketId+at]',
      trash: 'id, trashedAt',
      settings: 'key',
      meta: 'key',
      requests: 'requestId, at',
      tabs: 'tabId, conversationId',
    });
    const old = group('g1', 't1', ['gmail:a@b.pl:1', 'gmail:a@b.pl:2']);
    await v2.table('trash').put(old);
    await v2.table('contacts').bulkPut([
      { email: 'anna@klient.pl', name: 'Anna Kowalska', companyDomain: 'klient.pl', followed: false },
      { email: 'jan@sklep.pl', name: 'Jan Nowak', companyDomain: 'sklep.pl', followed: false },
    ]);
    v2.close();

    const db = new SidedeskDatabase({ indexedDB, IDBKeyRange });
    const held = (id: string) => db.trash.where('holds').equals(id).primaryKeys();
    expect([await held('t1'), await held('gmail:a@b.pl:2'), await held('gmail:a@b.pl:3')]).toEqual([['g1'], ['g1'], []]);
    // A group written now is indexed on the way in, and read back exactly as the domain wrote it.
    const fresh = group('g2', null, ['gmail:a@b.pl:3']);
    await db.trash.put(fresh);
    expect(await held('gmail:a@b.pl:3')).toEqual(['g2']);
    expect(await db.trash.get('g1')).toEqual(old);
    expect(await db.trash.toArray()).toEqual([old, fresh]);
    // Contacts by name, whatever the case.
    expect((await db.contacts.where('name').startsWithIgnoreCase('anna').toArray()).map((c) => c.email)).toEqual(['anna@klient.pl']);
  });

  it('versions 4 and 8 build the search words of every ticket stored before, keyed by its last change and number', async () => {
    const indexedDB = new IDBFactory();
    const v3 = new Dexie('sidedesk', { indexedDB, IDBKeyRange });
    v3.version(3).stores({
      tickets: 'id, &number, stageId, ownerId, contactEmail, updatedAt, [pipelineId+stageId]',
      conversations: 'id, ticketId, contactEmail, state, lastSeenAt, [contactEmail+lastSeenAt]',
      contacts: 'email, name',
      timeline: 'id, ticketId, conversationId, contactEmail, at, [ticketId+at]',
      trash: 'id, trashedAt, *holds',
      settings: 'key',
      meta: 'key',
      requests: 'requestId, at',
      tabs: 'tabId, conversationId',
    });
    await v3.table('tickets').put({ ...ticketRecord(7, 'Zwrot za zamówienie'), contactEmail: 'anna@klient.pl' });
    await v3.table('contacts').put({ email: 'anna@klient.pl', name: 'Anna Żółć', companyDomain: 'klient.pl', followed: false });
    await v3
      .table('conversations')
      .put({ id: 'gmail:a@b.pl:x', ticketId: 't7', subject: 'Paczka nie dotarła', contactEmail: 'anna@klient.pl' });
    v3.close();

    const db = new SidedeskDatabase({ indexedDB, IDBKeyRange });
    const row = (await db.ticketWords.where('ticketId').equals('t7').first())!;
    expect(row.words).toEqual(expect.arrayContaining(['zwrot', 'zamowienie', 'anna', 'zolc', 'anna@klient.pl', 'paczka', 'dotarla']));
    expect(await db.ticketWords.where('words').startsWith('zol').primaryKeys()).toEqual([[-7, -7]]);
    expect(db.tables.map((t) => t.name)).not.toContain('ticketSearch');
  });

  it('version 5 indexes the tickets stored before by stage and last change, priority and creation', async () => {
    const indexedDB = new IDBFactory();
    const v4 = new Dexie('sidedesk', { indexedDB, IDBKeyRange });
    v4.version(4).stores({ tickets: 'id, &number, stageId, ownerId, contactEmail, updatedAt, [pipelineId+stageId]' });
    await v4.table('tickets').bulkPut([
      { ...ticketRecord(1), stageId: 'new', priority: 'high', updatedAt: 30, createdAt: 3 },
      { ...ticketRecord(2), stageId: 'new', priority: 'low', updatedAt: 10, createdAt: 1 },
      { ...ticketRecord(3), stageId: 'closed', priority: 'high', updatedAt: 20, createdAt: 2 },
    ]);
    v4.close();

    const db = new SidedeskDatabase({ indexedDB, IDBKeyRange });
    const newest = await db.tickets
      .where('[pipelineId+stageId+updatedAt]')
      .between(['support', 'new', Dexie.minKey], ['support', 'new', Dexie.maxKey])
      .reverse()
      .toArray();
    expect(newest.map((t) => t.number)).toEqual([1, 2]);
    const high = await db.tickets.where('[priority+updatedAt]').between(['high', Dexie.minKey], ['high', Dexie.maxKey]).reverse().toArray();
    expect(high.map((t) => t.number)).toEqual([1, 3]);
    expect((await db.tickets.orderBy('createdAt').toArray()).map((t) => t.number)).toEqual([2, 3, 1]);
    // Version 9 counts them by stage, and by owner in each stage.
    const counts = Object.fromEntries((await db.ticketCounts.toArray()).map((c) => [c.key, c.count]));
    expect(counts[stageCountKey('support', 'new')]).toBe(2);
    expect(counts[stageCountKey('support', 'closed')]).toBe(1);
    expect(await countWaitingOnUs(db, DEFAULT_SETTINGS)).toBe(2);
  });
});

function group(id: string, ticketId: string | null, conversationIds: string[]): TrashGroup {
  return {
    id,
    trashedAt: 1,
    actor: 'agent@sidedesk.test',
    origin: ticketId ? { kind: 'delete-ticket', ticketId } : { kind: 'trash-conversation', conversationId: conversationIds[0]! },
    tickets: ticketId ? [{ ...ticketRecord(1), id: ticketId }] : [],
    conversations: conversationIds.map((cid) => ({
      id: cid,
      provider: 'gmail',
      account: 'a@b.pl',
      threadId: cid.split(':')[2]!,
      subject: 'Order',
      url: null,
      contactEmail: null,
      participants: [],
      messageCount: 1,
      lastMessageAt: null,
      ownerId: null,
      state: 'open',
      ticketId,
      firstSeenAt: 1,
      lastSeenAt: 1,
      rev: 1,
    })),
    timeline: [],
  };
}
