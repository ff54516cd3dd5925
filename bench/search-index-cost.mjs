// What the search index adds to writing: a 100,000-ticket import, and create-ticket -> stored,
// each with and without the search words, in the browser's own IndexedDB (headless Chromium, an
// extension page of the built extension, so the extension's origin and storage). The two variants
// run in turns, so a busy machine slows them alike, and each ratio is taken within one run.
//
// Import: tickets, conversations, contacts and timeline entries (bench/desk-data.mjs) written as the desk's import
// writes them (store/import.ts: bulkAdd in pages of IMPORT_PAGE, 2,000), through the real database
// class, into two fresh databases in turns, page by page; "with" also writes the pages' search rows
// as the import builds them (searchRowsOf: ticketSearchWords of each ticket, its contact and its
// conversations' subjects) in the same transaction. The import proper writes a whole file in one
// transaction; here each page is its own, so the two can take turns.
// Create ticket: the desk's own createTicket command (store/desk.ts: parse, read, cascade, write,
// one transaction) on the imported desk; "without" is the same desk bundled with the index's
// upkeep taken out of its writes (searchChangesOf, refreshSearch and moveSearchRows as no-ops; bench/bundle.mjs).
import { launch } from '../scripts/browser.mjs';
import { bundleHarness } from './bundle.mjs';
import { describe, machineLoad, quantile, times, verdict } from './stats.mjs';

const SIZE = Number(process.env.BENCH_IMPORT_SIZE ?? 100_000);
const CREATE_RUNS = Number(process.env.BENCH_RUNS ?? 11) * 3;
const WARMUP = 3;

export async function run() {
  const results = {};
  const loadBefore = machineLoad();
  const session = await launch({ extension: true });
  try {
    const page = await session.context.newPage();
    await page.goto(`chrome-extension://${session.extensionId}/tickets.html`);
    await page.evaluate(await bundleHarness());
    await page.evaluate(await bundleHarness({ name: 'sidedeskBenchBare', search: false }));

    const { batches, rows, words } = await page.evaluate((size) => sidedeskBench.timeImports(size, true), SIZE);
    if (rows.with !== SIZE || rows.without !== 0) throw new Error(`search rows after the imports: ${JSON.stringify(rows)}`);
    const n = SIZE.toLocaleString('en');
    const total = (xs) => xs.reduce((sum, x) => sum + x, 0);
    const pages = `${batches.with.length} pages of ${(SIZE / batches.with.length).toLocaleString('en')} tickets`;
    for (const kind of ['without', 'with'])
      results[`import of ${n} tickets (+ conversations, contacts, timeline), ${kind} the search index`] =
        `${(total(batches[kind]) / 1000).toFixed(1)} s in ${pages}; a page ${describe(batches[kind])}`;
    const ratio = total(batches.with) / total(batches.without);
    const perPage = batches.with.map((x, i) => x / batches.without[i]);
    results['import: with / without the index'] =
      `${times(ratio, 1.5)} (goal ≤ 1.5×): ${ratio <= 1.5 ? 'met' : 'NOT met'}; page by page ${quantile(perPage, 0.5).toFixed(2)}× ` +
      `(IQR ${quantile(perPage, 0.25).toFixed(2)}–${quantile(perPage, 0.75).toFixed(2)}×); the index's ${n} rows hold ` +
      `${(words / SIZE).toFixed(1)} words a ticket on average, each an entry of the multi-entry index`;

    const creates = await page.evaluate(
      async ([runs, warmup]) => {
        const name = 'bench-import-with';
        const desks = { with: sidedeskBench.deskOn(name), without: sidedeskBenchBare.deskOn(name) };
        const times = { with: [], without: [], indexed: { with: 0, without: 0 } };
        for (let i = 0; i < warmup + runs; i++) {
          for (const kind of i % 2 ? ['without', 'with'] : ['with', 'without']) {
            const { ms, ticketId } = await (kind === 'with' ? sidedeskBench : sidedeskBenchBare).timeCreateTicket(desks[kind]);
            if (i < warmup) continue;
            times[kind].push(ms);
            if (await desks.with.db.ticketWords.where('ticketId').equals(ticketId).count()) times.indexed[kind]++;
          }
        }
        for (const d of Object.values(desks)) d.db.close();
        await sidedeskBench.SidedeskDatabase.delete(name);
        return times;
      },
      [CREATE_RUNS, WARMUP],
    );
    if (creates.indexed.with !== CREATE_RUNS || creates.indexed.without !== 0)
      throw new Error(`created tickets indexed: ${JSON.stringify(creates.indexed)}`);
    results[`create ticket -> stored, desk of ${n}, without the search index`] = describe(creates.without);
    results[`create ticket -> stored, desk of ${n}, with the search index (refreshSearch in its transaction)`] = describe(creates.with);
    results['create ticket: with / without the index'] = verdict(creates.with, creates.without, { ratio: 1.5 }).text;
  } finally {
    await session.close();
  }
  results['machine'] = `${loadBefore} at the start, ${machineLoad()} at the end`;
  return results;
}
