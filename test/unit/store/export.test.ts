import { describe, expect, it } from 'vitest';
import { CSV_BOM } from '@/domain/csv';
import { EXPORT_FORMAT, EXPORT_VERSION, ExportFile } from '@/domain/export-format';
import { convId, observe, rid, ticketRecord } from '@/test/support/builders';
import { createTestDesk, dumpState, openTestDatabase } from '@/test/support/store';
import { EXPORT_PAGE, exportDesk, exportTicketsCsv } from '@/store/export';

async function deskWithTrash() {
  const t = await createTestDesk();
  for (const th of ['a', 'b', 'c']) await t.desk.execute(observe(th));
  const created = await t.desk.execute({ type: 'createTicket', requestId: rid(), actor: 'agent', conversationId: convId('a'), draft: {} });
  if (!created.ok) throw new Error(created.error.message);
  const other = await t.desk.execute({ type: 'createTicket', requestId: rid(), actor: 'agent', conversationId: convId('b'), draft: {} });
  if (!other.ok) throw new Error(other.error.message);
  const ticket = other.data.ticket!;
  const deleted = await t.desk.execute({ type: 'deleteTicket', requestId: rid(), actor: 'agent', ticketId: ticket.id, rev: ticket.rev });
  if (!deleted.ok) throw new Error(deleted.error.message);
  return t;
}

describe('store: export of the whole desk', () => {
  it('writes one versioned file with every record, parseable by its schema and equal to the tables', async () => {
    const { db } = await deskWithTrash();
    const blob = await exportDesk(db, { now: () => 42 });
    expect(blob.type).toBe('application/json');
    const file = ExportFile.parse(JSON.parse(await blob.text()));
    expect(file).toMatchObject({ format: EXPORT_FORMAT, version: EXPORT_VERSION, schemaVersion: db.verno, exportedAt: 42 });
    const state = await dumpState(db);
    expect(file.settings).toEqual(state.settings);
    expect(file.nextTicketNumber).toBe(state.nextTicketNumber);
    expect(file.tickets).toEqual([...state.tickets.values()]);
    expect(file.conversations).toEqual([...state.conversations.values()]);
    expect(file.contacts).toEqual([...state.contacts.values()]);
    expect(file.timeline).toEqual([...state.timeline.values()]);
    expect(file.trash).toEqual([...state.trash.values()]);
    expect(file.trash).toHaveLength(1);
  });

  it('writes trash groups as the domain reads them: the store’s own holds index stays out', async () => {
    const { db } = await deskWithTrash();
    const text = await (await exportDesk(db)).text();
    expect(text).not.toContain('"holds"');
    // The index is still there in the database: the export read past it.
    const raw = await db.backendDB().transaction('trash').objectStore('trash').getAll();
    await new Promise((resolve) => (raw.onsuccess = resolve));
    expect(raw.result[0]).toHaveProperty('holds');
  });

  it('reads in pages by primary key and tells progress after each, ending at the total', async () => {
    const db = openTestDatabase();
    const n = EXPORT_PAGE * 2 + 17;
    await db.tickets.bulkAdd(Array.from({ length: n }, (_, i) => ticketRecord(i + 1)));
    const seen: number[] = [];
    const blob = await exportDesk(db, { onProgress: (p) => void seen.push(p.done) });
    expect(seen).toEqual([EXPORT_PAGE, EXPORT_PAGE * 2, n]);
    const file = JSON.parse(await blob.text()) as { tickets: Array<{ id: string }> };
    expect(new Set(file.tickets.map((t) => t.id)).size).toBe(n);
    expect(file.tickets.map((t) => t.id)).toEqual([...file.tickets.map((t) => t.id)].sort());
  });

  it('exports an empty desk as a file with empty lists and the default settings', async () => {
    const db = openTestDatabase();
    const file = ExportFile.parse(JSON.parse(await (await exportDesk(db)).text()));
    expect(file).toMatchObject({ tickets: [], conversations: [], contacts: [], timeline: [], trash: [], nextTicketNumber: 1 });
  });
});

describe('store: tickets as CSV', () => {
  it('writes a BOM, a header and one row per live ticket in number order, with counts and names', async () => {
    const { db } = await deskWithTrash();
    const blob = await exportTicketsCsv(db, ['number', 'name', 'stage', 'owner', 'contact', 'conversations', 'properties.Plan']);
    expect(blob.type).toBe('text/csv;charset=utf-8');
    const bytes = new Uint8Array(await blob.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes);
    expect(text.startsWith(CSV_BOM)).toBe(true);
    const lines = text.slice(1).split('\r\n');
    expect(lines[0]).toBe('number,name,stage,owner,contact,conversations,Plan');
    expect(lines[1]).toBe('1,Subject a,New,agent,Customer a <customer-a@klient.pl>,1,');
    expect(lines.slice(2)).toEqual(['']);
  });

  it('pages through many tickets by number and tells progress', async () => {
    const db = openTestDatabase();
    const n = EXPORT_PAGE + 5;
    // Ids in the reverse order of numbers: the rows still come by number.
    await db.tickets.bulkAdd(Array.from({ length: n }, (_, i) => ({ ...ticketRecord(i + 1), id: `t${String(n - i).padStart(5, '0')}` })));
    const seen: number[] = [];
    const text = await (await exportTicketsCsv(db, ['number'], { onProgress: (p) => void seen.push(p.done) })).text();
    expect(seen).toEqual([EXPORT_PAGE, n]);
    const numbers = text.replace(CSV_BOM, '').trim().split('\r\n').slice(1).map(Number);
    expect(numbers).toEqual(Array.from({ length: n }, (_, i) => i + 1));
  });
});
