import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { EXPORT_LISTS, type ExportFile } from '@/domain/export-format';
import { MAX_IMPORT_BYTES } from '@/domain/import-check';
import { ACCOUNT, COLLEAGUE, convId, observe, rid } from '@/test/support/builders';
import { intents, seedCommands, toCommand, type Intent } from '@/test/support/intents';
import { createTestDesk, dumpState, openTestDatabase } from '@/test/support/store';
import { trashHolding, type SidedeskDatabase } from '@/store/database';
import { exportDesk } from '@/store/export';
import { applyImport, IMPORT_PAGE, previewImport, readImportFile, type ImportMode } from '@/store/import';
import { refreshSearch } from '@/store/search-index';

/** A desk built through the real commands, as an agent would. */
async function buildDesk(list: Intent[]) {
  const t = await createTestDesk();
  for (const input of seedCommands()) await t.desk.execute(input);
  for (const i of list) {
    await t.desk.execute(toCommand(i, await dumpState(t.db)));
    t.tick();
  }
  return t;
}

/** Everything an import may touch or must leave alone, as plain data. */
async function everything(db: SidedeskDatabase) {
  const state = await dumpState(db).catch(() => null);
  return {
    state,
    settingsRows: await db.settings.toArray(),
    meta: await db.meta.toArray(),
    search: await db.ticketWords.toArray(),
    counts: await db.ticketCounts.toArray(),
    requests: await db.requests.toArray(),
    tabs: await db.tabs.toArray(),
  };
}

async function exported(db: SidedeskDatabase): Promise<ExportFile> {
  const read = await readImportFile(await exportDesk(db, { now: () => 1 }));
  if (!read.ok) throw new Error(read.problem);
  return read.data;
}

const blobOf = (value: unknown) => new Blob([typeof value === 'string' ? value : JSON.stringify(value)]);

/** What the options page does: read and check the file, then write it. */
async function importBlob(db: SidedeskDatabase, blob: Blob, mode: ImportMode, wipe = false) {
  const read = await readImportFile(blob);
  if (!read.ok) return read;
  return applyImport(db, read.data, mode, { wipe });
}

async function deskWithEverything() {
  const t = await createTestDesk();
  for (const th of ['a', 'b', 'c', 'd']) await t.desk.execute(observe(th));
  const one = await t.desk.execute({ type: 'createTicket', requestId: rid(), actor: ACCOUNT, conversationId: convId('a'), draft: {} });
  const two = await t.desk.execute({ type: 'createTicket', requestId: rid(), actor: ACCOUNT, conversationId: convId('b'), draft: {} });
  if (!one.ok || !two.ok) throw new Error('setup');
  await t.desk.execute({
    type: 'addConversationToTicket',
    requestId: rid(),
    actor: ACCOUNT,
    conversationId: convId('c'),
    ticketId: one.data.ticket!.id,
  });
  const ticket = two.data.ticket!;
  await t.desk.execute({ type: 'deleteTicket', requestId: rid(), actor: ACCOUNT, ticketId: ticket.id, rev: ticket.rev });
  await t.desk.execute(observe('b'));
  return { ...t, ticketId: one.data.ticket!.id };
}

describe('store: export → wipe → import gives the same desk', () => {
  it('for any desk built through the commands (property)', async () => {
    await fc.assert(
      fc.asyncProperty(intents(30), async (list) => {
        const { db } = await buildDesk(list);
        const before = await everything(db);
        const fresh = openTestDatabase();
        const done = await applyImport(fresh, await exported(db), 'replace');
        expect(done.ok).toBe(true);
        const after = await everything(fresh);
        expect(after.state).toEqual(before.state);
        expect(after.search).toEqual(before.search);
        expect(await everything(db)).toEqual(before);
      }),
      { numRuns: 25 },
    );
  }, 120_000);

  it('exactly, with HTML, emoji and Polish letters in every string the commands take', async () => {
    const hostile = (what: string) => `<img src=x onerror="alert('${what}')"> Zażółć gęślą jaźń 🎫👍🏽 &amp; ${what}`;
    const t = await createTestDesk();
    await t.desk.execute(
      observe('h', {
        subject: hostile('subject'),
        contact: { email: 'jan@klient.pl', name: hostile('contact') },
        participants: [{ email: 'jan@klient.pl', name: hostile('participant') }],
      }),
    );
    const created = await t.desk.execute({
      type: 'createTicket',
      requestId: rid(),
      actor: ACCOUNT,
      conversationId: convId('h'),
      draft: {
        name: hostile('name'),
        description: `${hostile('description')}\n<script>alert(1)</script>\nŁódź`,
        category: hostile('category'),
        properties: { [hostile('key')]: hostile('value'), Liczba: 7 },
      },
    });
    if (!created.ok) throw new Error(created.error.message);
    await t.desk.execute({ type: 'followContact', requestId: rid(), actor: ACCOUNT, email: 'jan@klient.pl', followed: true });
    const before = await everything(t.db);
    const fresh = openTestDatabase();
    expect((await applyImport(fresh, await exported(t.db), 'replace')).ok).toBe(true);
    expect(await everything(fresh)).toEqual({ ...before, requests: [], tabs: [] });
    const ticket = (await fresh.tickets.toArray())[0]!;
    expect(ticket.name).toBe(hostile('name'));
    expect(ticket.properties[hostile('key')]).toBe(hostile('value'));
    expect((await fresh.contacts.get('jan@klient.pl'))!.name).toBe(hostile('contact'));
  });

  it('exactly, with hostile text in every string field of every record a file can hold', async () => {
    // The same tail on every string keeps ids and their references matching; enums stay as they are.
    // No whitespace: an address or a conversation id must still be one.
    const tail = `<img/src=x/onerror="alert('ż')">&amp;🎫</b>`;
    const enums = new Set(['format', 'priority', 'source', 'provider', 'state', 'rule', 'kind']);
    const taint = (value: unknown, key = ''): unknown => {
      if (typeof value === 'string') return enums.has(key) ? value : `${value}${tail}`;
      if (Array.isArray(value)) return value.map((v) => taint(v, key));
      if (value && typeof value === 'object') {
        return Object.fromEntries(Object.entries(value).map(([k, v]) => [key === 'properties' ? `${k}${tail}` : k, taint(v, k)]));
      }
      return value;
    };
    const { db } = await deskWithEverything();
    const file = taint(await exported(db)) as ExportFile;
    file.tickets[0]!.description = `Line one\n<script>alert("x")</script>\r\n\tŁódź 🎫`;
    const fresh = openTestDatabase();
    const done = await importBlob(fresh, blobOf(file), 'replace');
    expect(done).toMatchObject({ ok: true });
    // The tail moves ids in key order: compare the lists as sets.
    const byKey = (f: ExportFile) => ({
      ...f,
      exportedAt: 0,
      ...Object.fromEntries(
        EXPORT_LISTS.map((l) => [
          l,
          [...(f[l] as Array<{ id?: string; email?: string }>)].sort((a, b) => ((a.id ?? a.email)! < (b.id ?? b.email)! ? -1 : 1)),
        ]),
      ),
    });
    expect(byKey(await exported(fresh))).toEqual(byKey(file));
    // The search words are those the desk's own writes would give the records.
    const built = await fresh.ticketWords.toArray();
    await fresh.transaction('rw', [fresh.tickets, fresh.conversations, fresh.contacts, fresh.ticketWords], () =>
      refreshSearch(
        fresh,
        built.map((r) => r.ticketId),
      ),
    );
    expect(await fresh.ticketWords.toArray()).toEqual(built);
  });

  it('writes trash groups through the store’s holds index, so a page finds what the trash holds', async () => {
    const { db } = await deskWithEverything();
    const group = (await db.trash.toArray())[0]!;
    const fresh = openTestDatabase();
    expect((await applyImport(fresh, await exported(db), 'replace')).ok).toBe(true);
    expect(await trashHolding(fresh, group.tickets[0]!.id)).toEqual(group);
    expect(await trashHolding(fresh, group.conversations[0]!.id)).toEqual(group);
  });

  it('tells progress after each page, ending at the total', async () => {
    const { db } = await deskWithEverything();
    const file = await exported(db);
    file.timeline.push(...Array.from({ length: IMPORT_PAGE + 3 }, (_, i) => ({ ...file.timeline[0]!, id: `bulk-${i}` })));
    const seen: Array<{ done: number; total: number }> = [];
    expect((await applyImport(openTestDatabase(), file, 'replace', { onProgress: (p) => void seen.push(p) })).ok).toBe(true);
    const total = file.tickets.length * 2 + file.conversations.length + file.contacts.length + file.timeline.length + file.trash.length;
    expect(seen.at(-1)).toEqual({ done: total, total });
    expect(seen.length).toBeGreaterThan(5);
  });
});

describe('store: a broken or hostile file is refused, naming the first problem, and nothing is written', () => {
  type Case = [string, (f: ExportFile) => unknown, RegExp];
  const cases: Case[] = [
    ['not JSON', () => 'Zażółć, not JSON', /^The file is not JSON/],
    [
      'truncated JSON',
      (f) => JSON.stringify(f).slice(0, 500),
      /^The file is cut off: its JSON ends at line 1, column 500 \(character 500\) in the middle of a value/,
    ],
    ['not a Sidedesk file', () => ({ tickets: [] }), /not a Sidedesk export/],
    ['a newer version', (f) => ({ ...f, version: 99 }), /version 99.*reads version 1/],
    [
      'a record that breaks its schema',
      (f) => ((f.tickets[0]!.name = 'x'.repeat(501)), f),
      /^tickets\[0\]\.name: is longer than 500 characters\.$/,
    ],
    [
      'a duplicate id',
      (f) => (f.conversations.push(f.conversations[0]!), f),
      /^conversations\[\d+\]: conversation ".*" is also conversations\[0\]\.$/,
    ],
    [
      'a duplicate ticket number',
      (f) => ((f.trash[0]!.tickets[0]!.number = f.tickets[0]!.number), f),
      /number 1 is also used by tickets\[0\]/,
    ],
    [
      'a next ticket number not above every number',
      (f) => ((f.nextTicketNumber = 2), f),
      /^nextTicketNumber: 2 is not above ticket number 2/,
    ],
    [
      'a conversation linked to a missing ticket',
      (f) => ((f.conversations[3]!.ticketId = 'missing'), f),
      /^conversations\[3\]\.ticketId: ticket "missing" is not in the file\.$/,
    ],
    [
      'a stage not in the pipeline',
      (f) => ((f.tickets[0]!.stageId = 'gone'), f),
      /^tickets\[0\]\.stageId: stage "gone" is not in pipeline "support"\.$/,
    ],
    [
      'an owner not in the team',
      (f) => ((f.tickets[0]!.ownerId = 'stranger@x.test'), f),
      /^tickets\[0\]\.ownerId: owner "stranger@x.test" is not in the team\.$/,
    ],
    [
      'a trash group holding a live ticket',
      (f) => ((f.trash[0]!.tickets[0]!.id = f.tickets[0]!.id), f),
      /^trash\[0\]\.tickets\[0\]\.id: ticket ".*" is also at tickets\[0\]\.$/,
    ],
    [
      'a conversation twice in one trash group',
      (f) => (f.trash[0]!.conversations.push(f.trash[0]!.conversations[0]!), f),
      /^trash\[0\]\.conversations\[1\]: conversation/,
    ],
    [
      'a timeline entry pointing to nothing',
      (f) => (f.timeline.push({ ...f.timeline[0]!, id: 'stray', ticketId: 'nowhere', conversationId: null, contactEmail: null }), f),
      /timeline entry "stray" is about "nowhere", which the file does not hold\.$/,
    ],
  ];

  it.each(cases)('refuses %s into an empty desk', async (_name, change, problem) => {
    const { db } = await deskWithEverything();
    const file = await exported(db);
    const target = openTestDatabase();
    const before = await everything(target);
    const done = await importBlob(target, blobOf(change(structuredClone(file))), 'replace');
    expect(done.ok).toBe(false);
    expect(!done.ok && done.problem).toMatch(problem);
    expect(await everything(target)).toEqual(before);
  });

  it.each(cases)('refuses %s as a merge into a desk, leaving it as it was', async (_name, change, problem) => {
    const { db } = await deskWithEverything();
    const file = await exported(db);
    const before = await everything(db);
    const done = await importBlob(db, blobOf(change(structuredClone(file))), 'merge');
    expect(!done.ok && done.problem).toMatch(problem);
    expect(await everything(db)).toEqual(before);
  });

  it('refuses a 1 GB file from its size, without reading it', async () => {
    let read = false;
    const huge = {
      size: 1024 ** 3,
      text: async () => ((read = true), ''),
      arrayBuffer: async () => ((read = true), new ArrayBuffer(0)),
      stream: () => ((read = true), new ReadableStream()),
    } as unknown as Blob;
    expect(huge.size).toBeGreaterThan(MAX_IMPORT_BYTES);
    expect(await readImportFile(huge)).toEqual({ ok: false, problem: 'The file is 1,024 MB; Sidedesk imports files of at most 512 MB.' });
    expect(read).toBe(false);
  });

  it('checks the desk again when writing: data changed after its check is refused, nothing written', async () => {
    const { db } = await deskWithEverything();
    const file = await exported(db);
    file.conversations[0]!.ticketId = 'changed-since';
    const target = openTestDatabase();
    const before = await everything(target);
    const done = await applyImport(target, file, 'replace');
    expect(!done.ok && done.problem).toMatch(/ticket "changed-since" is not in the file/);
    expect(await everything(target)).toEqual(before);
  });
});

describe('store: replace into a desk that is not empty', () => {
  it('is refused without the agent’s confirmation, and the preview says why', async () => {
    const source = await deskWithEverything();
    const file = await exported(source.db);
    const { db } = await createTestDesk();
    await createTestDeskObserve(db);
    const before = await everything(db);
    const preview = await previewImport(db, file, 'replace');
    expect(preview).toMatchObject({ mode: 'replace', deskEmpty: false, desk: { conversations: 1, contacts: 1 } });
    expect(preview.problem).toMatch(/^The desk already holds 0 ticket\(s\), 1 conversation\(s\).*needs your confirmation\.$/);
    const done = await applyImport(db, file, 'replace');
    expect(done).toEqual({ ok: false, problem: preview.problem });
    expect(await everything(db)).toEqual(before);
  });

  it('with `wipe`, replaces the desk with the file in one go; processed requests and tabs stay', async () => {
    const source = await deskWithEverything();
    const file = await exported(source.db);
    const { db } = await createTestDesk();
    await createTestDeskObserve(db);
    await db.tabs.put({ tabId: 7, conversationId: null, url: 'https://mail.google.com/', health: { status: 'ok' }, at: 1 });
    const kept = await everything(db);
    expect((await applyImport(db, file, 'replace', { wipe: true })).ok).toBe(true);
    const after = await everything(db);
    const expected = await everything(source.db);
    expect(after.state).toEqual(expected.state);
    expect(after.search).toEqual(expected.search);
    expect([after.requests, after.tabs]).toEqual([kept.requests, kept.tabs]);
  });

  it('previews a replace into an empty desk with the file’s counts and no problem', async () => {
    const file = await exported((await deskWithEverything()).db);
    expect(await previewImport(openTestDatabase(), file, 'replace')).toEqual({
      mode: 'replace',
      file: { tickets: 1, conversations: 4, contacts: 4, timeline: file.timeline.length, trash: 1 },
      desk: { tickets: 0, conversations: 0, contacts: 0, timeline: 0, trash: 0 },
      deskEmpty: true,
      merge: null,
      problem: null,
    });
  });
});

/** One conversation seen: a desk that is not empty. */
async function createTestDeskObserve(db: SidedeskDatabase) {
  const { createDesk } = await import('@/store/desk');
  await createDesk(db, { now: () => 5, newId: () => `x-${rid()}` }).execute(observe('z'));
}

describe('store: merge by id, the newer rev wins', () => {
  it('keeps the desk’s newer ticket, lists the file’s older one as the loser, and writes nothing else', async () => {
    const t = await deskWithEverything();
    const file = await exported(t.db);
    const ticket = (await t.db.tickets.get(t.ticketId))!;
    await t.desk.execute({
      type: 'updateTicket',
      requestId: rid(),
      actor: ACCOUNT,
      ticketId: ticket.id,
      rev: ticket.rev,
      changes: { priority: 'urgent' },
    });
    const before = await everything(t.db);
    const preview = await previewImport(t.db, file, 'merge');
    expect(preview.problem).toBeNull();
    expect(preview.merge!.collisions).toEqual([
      { list: 'tickets', id: ticket.id, winner: 'desk', deskRev: ticket.rev + 1, fileRev: ticket.rev },
    ]);
    const done = await applyImport(t.db, file, 'merge');
    expect(done).toMatchObject({ ok: true, collisions: preview.merge!.collisions, written: { tickets: 0, conversations: 0, timeline: 0 } });
    expect(await everything(t.db)).toEqual(before);
  });

  it('takes the file’s newer records into an older copy of the desk, with their search words', async () => {
    const a = await deskWithEverything();
    const b = openTestDatabase();
    expect((await applyImport(b, await exported(a.db), 'replace')).ok).toBe(true);
    const ticket = (await a.db.tickets.get(a.ticketId))!;
    await a.desk.execute({
      type: 'updateTicket',
      requestId: rid(),
      actor: ACCOUNT,
      ticketId: ticket.id,
      rev: ticket.rev,
      changes: { name: 'Zwrot towaru' },
    });
    await a.desk.execute(observe('e'));
    const file = await exported(a.db);
    const preview = await previewImport(b, file, 'merge');
    expect(preview.merge!.collisions).toEqual([
      { list: 'tickets', id: ticket.id, winner: 'file', deskRev: ticket.rev, fileRev: ticket.rev + 1 },
    ]);
    expect(preview.merge!.added).toMatchObject({ conversations: 1, contacts: 1 });
    const done = await applyImport(b, file, 'merge');
    expect(done).toMatchObject({ ok: true, written: { tickets: 1, conversations: 1, contacts: 1 } });
    const [merged, source] = [await everything(b), await everything(a.db)];
    expect(merged.state).toEqual(source.state);
    expect(merged.search).toEqual(source.search);
    expect(merged.search.find((r) => r.ticketId === ticket.id)!.words).toContain('zwrot');
  });

  it('refuses two desks that numbered different tickets alike, naming it, and writes nothing', async () => {
    const a = await deskWithEverything();
    const other = await createTestDesk();
    await other.desk.execute(observe('q'));
    await other.desk.execute({ type: 'createTicket', requestId: rid(), actor: ACCOUNT, conversationId: convId('q'), draft: {} });
    const before = await everything(a.db);
    const file = await exported(other.db);
    const preview = await previewImport(a.db, file, 'merge');
    expect(preview.problem).toMatch(/^The merged desk would be broken: tickets\[1\]\.number: number 1 is also used by tickets\[0\]\.$/);
    expect(await applyImport(a.db, file, 'merge')).toEqual({ ok: false, problem: preview.problem });
    expect(await everything(a.db)).toEqual(before);
  });
});

describe('store: an import is all or nothing', () => {
  async function failingMidway(wipe: boolean, fail: (db: SidedeskDatabase) => { onProgress?: () => void }) {
    const source = await deskWithEverything();
    const file = await exported(source.db);
    file.timeline.push(...Array.from({ length: IMPORT_PAGE * 2 }, (_, i) => ({ ...file.timeline[0]!, id: `bulk-${i}` })));
    const target = wipe ? (await deskWithEverything()).db : openTestDatabase();
    if (wipe) await target.timeline.put({ ...file.timeline[0]!, id: 'only-on-target' });
    const before = await everything(target);
    const done = await applyImport(target, file, 'replace', { wipe, ...fail(target) });
    expect(done).toEqual({ ok: false, problem: expect.stringMatching(/could not store the import.*nothing of it was written/) });
    expect(await everything(target)).toEqual(before);
    return target;
  }

  it('leaves an empty desk empty when a write fails midway (a hook throws on a record that passed the check)', async () => {
    await failingMidway(false, (db) => {
      db.timeline.hook('creating', (_key, entry) => {
        if (entry.id === `bulk-${IMPORT_PAGE + 10}`) throw new Error('disk full');
      });
      return {};
    });
  });

  it('leaves the old desk whole when a replace with wipe fails midway', async () => {
    const db = await failingMidway(true, (target) => {
      target.timeline.hook('creating', (_key, entry) => {
        if (entry.id === `bulk-${IMPORT_PAGE + 10}`) throw new Error('disk full');
      });
      return {};
    });
    expect(await db.timeline.get('only-on-target')).toBeDefined();
  });

  it('writes nothing when the import is stopped midway (the page closing aborts its transaction)', async () => {
    let pages = 0;
    await failingMidway(true, () => ({
      onProgress: () => {
        if (++pages === 3) throw new Error('page closed');
      },
    }));
  });
});
