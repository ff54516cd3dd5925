// Desk actions at scale (issues 10 and 11): the board's first render at 100,000 vs 1,000 tickets,
// a bulk stage change of 100 tickets vs 100 single changes sent one by one, and an export and
// import of 100,000 tickets vs raw reads and writes of the same tables. Each size is its own
// headless Chromium with the built extension, its IndexedDB seeded through the real database class
// (bench/desk-data.mjs, as bench/tickets-page.mjs seeds it); the variants of each line run in
// turns (their order alternated run by run), so a busy machine slows them alike and each ratio is
// taken within one run. Every time is read inside the page (performance.now).
import { bundleHarness } from './bundle.mjs';
import { openSeededDesk } from './seeded-desk.mjs';
import { describe, machineLoad, median, ms, verdict } from './stats.mjs';

const RUNS = Number(process.env.BENCH_RUNS ?? 11);
/** Export and import runs at 100,000 tickets: each takes several minutes (an import alone about two). */
const IO_RUNS = Number(process.env.BENCH_IO_RUNS ?? 3);
const BIG = Number(process.env.BENCH_BOARD_SIZE ?? 100_000);
const SMALL = 1_000;
const BULK = 100;

const openSize = (harness, size) => openSeededDesk(harness, size, { selector: '.board__card', mark: '__firstCardsPainted' });

/** Navigation start to the first cards painted, in ms, and how many cards the board shows. */
async function timeBoard(desk) {
  await desk.page.goto(`${desk.url}?mode=board`);
  await desk.page.waitForFunction(() => window.__firstCardsPainted !== undefined, null, { timeout: 30_000 });
  return desk.page.evaluate(() => ({ ms: window.__firstCardsPainted, cards: document.querySelectorAll('.board__card').length }));
}

/** Runs `step` in the page while sampling its JS heap (CDP Performance.getMetrics) every 50 ms,
 * after a garbage collection: its result, and the heap before and at its peak, in bytes. */
async function withPeakHeap(cdp, step) {
  await cdp.send('HeapProfiler.collectGarbage');
  const heap = async () => (await cdp.send('Performance.getMetrics')).metrics.find((m) => m.name === 'JSHeapUsedSize').value;
  const before = await heap();
  let peak = before;
  let sampling = true;
  const sampler = (async () => {
    while (sampling) {
      peak = Math.max(peak, await heap());
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  })();
  try {
    const result = await step();
    return { ...result, before, peak: Math.max(peak, await heap()) };
  } finally {
    sampling = false;
    await sampler;
  }
}

const mb = (bytes) => `${Math.round(bytes / (1024 * 1024)).toLocaleString('en')} MB`;
const heapOf = (xs) => `peak JS heap ${mb(median(xs.map((x) => x.peak)))} (${mb(median(xs.map((x) => x.before)))} before; medians)`;
const s = (xs) => describe(xs.map((x) => x.ms));

/** Line 1: the board at BIG vs SMALL tickets, in turns. */
async function board(desks, results) {
  for (const d of desks) await timeBoard(d); // a first, cold open of each browser
  const samples = {};
  for (let run = 0; run < RUNS; run++)
    for (let k = 0; k < desks.length; k++) {
      const d = desks[(run + k) % desks.length];
      (samples[d.size] ??= []).push(await timeBoard(d));
    }
  for (const d of desks)
    results[`board first render (tickets.html?mode=board -> first cards painted), ${d.size.toLocaleString('en')} tickets`] =
      `${s(samples[d.size])}; ${samples[d.size][0].cards} cards shown`;
  const at = (size) => samples[size].map((x) => x.ms);
  results[`board first render: ${(BIG / 1000).toLocaleString('en')}k / 1k`] =
    `${verdict(at(BIG), at(SMALL), { ratio: 1.5 }).text}; served by each column a reverse walk of ` +
    '[pipelineId+stageId+updatedAt] limited to its page + 1 (26), counted exactly by the stage count kept with every ' +
    "write (one key of ticketCounts), then the shown cards' conversations (one ticketId request each, side by side) and contacts (by key) " +
    '(entrypoints/tickets/board-model.ts)';
}

/** Line 2: BULK tickets closed one message each vs in bulk (sendBulk), in turns, on the SMALL desk. */
async function bulk(desk, results) {
  const { page } = desk;
  await page.goto(`chrome-extension://${desk.session.extensionId}/record.html`);
  await page.evaluate(await bundleHarness());
  const samples = { single: [], bulk: [] };
  for (let run = 0; run < RUNS; run++) {
    const open = await page.evaluate((n) => sidedeskBench.openTickets(n), 2 * BULK);
    if (open.length < 2 * BULK) throw new Error(`only ${open.length} open tickets`);
    const groups = { single: open.slice(0, BULK), bulk: open.slice(BULK) };
    if (run % 2) [groups.single, groups.bulk] = [groups.bulk, groups.single];
    for (const kind of run % 2 ? ['bulk', 'single'] : ['single', 'bulk']) {
      const out = await page.evaluate(
        ([kind, tickets]) =>
          (kind === 'single' ? sidedeskBench.stageOneByOne : sidedeskBench.stageInBulk)(tickets, 'closed').then(
            async ({ ms, results }) => ({
              ms,
              ...(await sidedeskBench.stageOutcome(results, tickets)),
            }),
          ),
        [kind, groups[kind]],
      );
      if (out.changed !== BULK || out.cascaded !== BULK || out.stillOpen !== 0 || out.conversations < BULK)
        throw new Error(`${kind}: ${JSON.stringify({ ...out, revs: undefined })}`);
      samples[kind].push(out);
      groups[kind] = groups[kind].map((t, i) => ({ id: t.id, rev: out.revs[i], to: t.stageId }));
    }
    // Untimed: every ticket back to the stage it had (reopening its lone conversation).
    const back = await page.evaluate(
      (tickets) => sidedeskBench.stageInBulk(tickets).then(({ results }) => sidedeskBench.stageOutcome(results, tickets)),
      [...groups.single, ...groups.bulk],
    );
    if (back.changed !== 2 * BULK || back.stillOpen !== back.conversations)
      throw new Error(`moving back: ${JSON.stringify({ ...back, revs: undefined })}`);
  }
  results[`${BULK} tickets closed, one 'command' message each, awaited in turn (desk of ${SMALL.toLocaleString('en')})`] = s(
    samples.single,
  );
  results[`${BULK} tickets closed in bulk (pages/bulk.ts sendBulk: 'commands' in chunks of 50)`] = s(samples.bulk);
  results['bulk / one by one'] =
    `${
      verdict(
        samples.bulk.map((x) => x.ms),
        samples.single.map((x) => x.ms),
        { ratio: 2 },
      ).text
    }; every run all ${BULK} ` +
    `changed and their conversations closed (each result's cascade, and none open in IndexedDB after); served by the background's ` +
    "'commands' request: each command checked and applied as if sent alone (its own transaction and cascade, background/router.ts), " +
    `${BULK / 50} messages instead of ${BULK} round trips; fresh ids and revisions read from IndexedDB each run, the tickets moved ` +
    'back to their stages (untimed, in bulk) after each';
}

/** Line 3: export and import of the BIG desk vs raw reads and writes of the same records, in turns. */
async function exportImport(desk, results) {
  const { page } = desk;
  await page.goto(`chrome-extension://${desk.session.extensionId}/record.html`);
  await page.evaluate(await bundleHarness());
  const cdp = await desk.session.context.newCDPSession(page);
  await cdp.send('Performance.enable');
  const step = (fn, arg) => withPeakHeap(cdp, () => page.evaluate(([fn, arg]) => sidedeskBench[fn](arg), [fn, arg]));
  const samples = { export: [], read: [], import: [], write: [], writeSearch: [] };
  for (let run = 0; run < IO_RUNS; run++) {
    for (const kind of run % 2 ? ['read', 'export'] : ['export', 'read'])
      samples[kind].push(kind === 'export' ? await step('timeExport') : await step('timeRawRead'));
    const order = [
      ['import', () => step('timeImport')],
      ['write', () => step('timeRawWrite', false)],
      ['writeSearch', () => step('timeRawWrite', true)],
    ];
    // The import parses the file the raw writes write: it goes first, the raw writes in turns.
    const [first, ...rest] = order;
    samples[first[0]].push(await first[1]());
    for (const [kind, go] of run % 2 ? rest.reverse() : rest) samples[kind].push(await go());
    await page.evaluate(() => sidedeskBench.ioDone());
  }
  const n = BIG.toLocaleString('en');
  const last = (k) => samples[k].at(-1);
  if (last('import').counts.tickets !== BIG || last('import').counts.search !== BIG)
    throw new Error(`import: ${JSON.stringify(last('import'))}`);
  if (last('write').counts.tickets !== BIG || last('writeSearch').counts.search !== BIG) throw new Error('raw writes incomplete');
  const readRecords = last('read').records.toLocaleString('en');
  results[`export of ${n} tickets (store/export.ts exportDesk -> Blob of ${mb(last('export').bytes)})`] =
    `${s(samples.export)}; ${heapOf(samples.export)}`;
  results[
    `raw read of the same tables (toArray of tickets, conversations, contacts, timeline, trash, settings, meta in one read transaction; ${readRecords} records)`
  ] = `${s(samples.read)}; ${heapOf(samples.read)}`;
  results['export / raw read'] =
    `${
      verdict(
        samples.export.map((x) => x.ms),
        samples.read.map((x) => x.ms),
        { ratio: 2 },
      ).text
    }; served by one read-only ` +
    'transaction over the desk, each table walked by primary key in pages of EXPORT_PAGE (2,000), each page JSON.stringify-ed ' +
    'into a growing Blob (no string of the whole file); the raw read builds no file';
  const imp = samples.import;
  results[
    `import of ${n} tickets (readImportFile: parse, check; applyImport 'replace' into a fresh database: search rows, one transaction)`
  ] =
    `${s(imp)}, of which reading and checking the file ${ms(median(imp.map((x) => x.readMs)))} and applying it ` +
    `${ms(median(imp.map((x) => x.applyMs)))} (medians); ${heapOf(imp)}`;
  results['raw bulkAdd of the parsed lists into a fresh database (one transaction, one bulkAdd a table, no search rows)'] =
    `${s(samples.write)}; ${heapOf(samples.write)}`;
  results['raw bulkAdd + the same search rows (searchRowsOf built and bulkAdd-ed in the same transaction)'] =
    `${s(samples.writeSearch)}; ${heapOf(samples.writeSearch)}`;
  const ms_ = (k) => samples[k].map((x) => x.ms);
  results['import / raw bulkAdd'] =
    `${verdict(ms_('import'), ms_('write'), { ratio: 2 }).text}; against raw bulkAdd + the same search rows ` +
    `${(median(ms_('import')) / median(ms_('writeSearch'))).toFixed(2)}×; the import includes the file's text, JSON parse, ` +
    'schema and invariant checks (raw: the parsed lists, unchecked) and the search rows it builds (raw: none, or the second ' +
    'baseline); served by applyImport writing in pages of IMPORT_PAGE (2,000) with bulkAdd in one read-write transaction';
  if (IO_RUNS < 5)
    results['export and import runs'] =
      `n ${IO_RUNS} at ${n} tickets (each run several minutes, an import alone about two; BENCH_IO_RUNS to change)`;
}

export async function run() {
  const harness = await bundleHarness();
  const results = {};
  const loadBefore = machineLoad();
  const desks = [];
  try {
    for (const size of [SMALL, BIG]) desks.push(await openSize(harness, size));
    for (const d of desks)
      results[`seeded ${d.size.toLocaleString('en')} tickets (import with search words)`] = `${(d.seedMs / 1000).toFixed(1)} s`;
    await board(desks, results);
    await bulk(desks[0], results);
    await desks[0].session.close();
    desks.shift();
    await exportImport(desks[0], results);
  } finally {
    for (const d of desks) await d.session.close();
  }
  results['machine'] = `${loadBefore} at the start, ${machineLoad()} at the end`;
  return results;
}
