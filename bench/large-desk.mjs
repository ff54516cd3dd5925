// Issue 12's weight of a large desk, at 1,000 and 100,000 tickets (BENCH_LARGE_DESK_SIZES) and
// beside them an empty desk, each its own Chromium with the built extension, seeded into the
// extension's own database as an import writes it (bench/seeded-desk.mjs):
// - closing a ticket linked to 1,000 open conversations (BENCH_CLOSE_CONVERSATIONS) through the
//   desk, against the same changed rows bulkPut raw (bench/close-cascade-harness.mjs); the two, and
//   the sizes, in turns, so a busy machine slows them alike, and each ratio taken within one run;
// - the desk on disk: the origin's storage as the browser counts it, and each table's rows, against
//   the JSON an export of the same desk holds (bench/footprint-harness.mjs);
// - the JS heap the background's service worker and the side panel hold on to after the same work,
//   against the empty desk's (bench/heap.mjs).
import { openInOwnWindow } from '../scripts/browser.mjs';
import { bundleHarness } from './bundle.mjs';
import { mb, pageHeap, workerHeap } from './heap.mjs';
import { openSeededDesk } from './seeded-desk.mjs';
import { describe, machineLoad, quantile, times, verdict } from './stats.mjs';

const RUNS = Number(process.env.BENCH_RUNS ?? 11);
const WARMUP = 2;
const SIZES = (process.env.BENCH_LARGE_DESK_SIZES ?? '1000,100000').split(',').map(Number);
const BIG = SIZES.at(-1);
const CONVERSATIONS = Number(process.env.BENCH_CLOSE_CONVERSATIONS ?? 1000);
/** Rounds of work sent to the background before its heap is read (bench/footprint-harness.mjs). */
const WORKER_ROUNDS = 5;
/** The close through the desk at most this many times the same rows written raw. */
const CLOSE_GOAL = 1.5;
/** A desk on disk at most this many times the JSON its export holds: see the storage line. */
const STORAGE_GOAL = 3;
/** The heaps at BIG at most this many times the empty desk's: nothing holds the desk in memory. */
const HEAP_GOAL = 1.2;

const n = (x) => x.toLocaleString('en');

async function openSize(harness, size) {
  const desk = await openSeededDesk(harness, size);
  // A page without the tickets page's live queries, which would re-run after every write.
  await desk.page.goto(`chrome-extension://${desk.session.extensionId}/record.html`);
  await desk.page.evaluate(harness);
  return desk;
}

/** Line 2: each desk's storage, and at BIG against its export's JSON and the empty desk. */
async function storage(desks, results) {
  const at = {};
  for (const d of desks) at[d.size] = await d.page.evaluate(() => sidedeskBench.storageFootprint());
  const used = (f) => f.indexedDB ?? f.usage;
  for (const d of desks) {
    const f = at[d.size];
    const rows = Object.entries(f.tables)
      .filter(([, t]) => t.rows > 0)
      .map(([name, t]) => `${name} ${n(t.rows)} (${mb(t.bytes)})`)
      .join(', ');
    results[`storage, ${n(d.size)} tickets`] =
      `IndexedDB ${mb(used(f))} (the origin ${mb(f.usage)}); an export's JSON ${mb(f.exported)}; rows (as JSON): ${rows}`;
  }
  const big = at[BIG];
  const perTicket = (used(big) - used(at[0])) / BIG;
  const ratio = used(big) / big.exported;
  results[`storage at ${n(BIG)} tickets: IndexedDB / an export's JSON`] =
    `${times(ratio, STORAGE_GOAL)} (goal ≤ ${STORAGE_GOAL}×: the indexes, the search words and counts, and the browser's own ` +
    `overhead at most twice the data again): ${ratio <= STORAGE_GOAL ? 'met' : 'NOT met'}; ${n(Math.round(perTicket))} bytes a ticket ` +
    `over the empty desk (${(big.exported / BIG / 1024).toFixed(1)} KB of it as JSON: the ticket, its conversation, contact and timeline)`;
}

/** What the close through the desk does that the raw writes do not. */
const BEYOND_RAW =
  "beyond the raw writes the desk parses the command, reads the ticket's conversations once for the cascade, checks every row " +
  'against its schema (zod), moves the kept counts and the search row (its words unchanged, its conversations not read again) ' +
  'and stores the request with its result (replayed, never applied twice)';

/** Line 1: the close through the desk against the same rows raw, at every size but the empty. */
async function close(desks, results) {
  for (const d of desks) await d.page.evaluate((count) => sidedeskBench.addClosable(count), CONVERSATIONS);
  const samples = {};
  for (let run = 0; run < WARMUP + RUNS; run++)
    for (let k = 0; k < desks.length; k++) {
      const d = desks[(run + k) % desks.length];
      for (const kind of (run + k) % 2 ? ['raw', 'desk'] : ['desk', 'raw']) {
        const out = await d.page.evaluate((kind) => (kind === 'desk' ? sidedeskBench.timeClose() : sidedeskBench.timeRawClose()), kind);
        if (run >= WARMUP) (samples[`${kind}@${d.size}`] ??= []).push(out);
      }
    }
  const what = `a ticket with ${n(CONVERSATIONS)} open conversations closed`;
  for (const d of desks) {
    const [desk, raw] = ['desk', 'raw'].map((kind) => samples[`${kind}@${d.size}`]);
    const { rows } = raw[0];
    const paired = desk.map((x, i) => x.ms / raw[i].ms);
    results[`${what} (setTicketStage through desk.execute), ${n(d.size)} tickets`] = describe(desk.map((x) => x.ms));
    results[
      `the same rows bulkPut raw (${rows.tickets} ticket, ${n(rows.conversations)} conversations, ${n(rows.timeline)} timeline entries), ${n(d.size)} tickets`
    ] = describe(raw.map((x) => x.ms));
    results[`close / raw, ${n(d.size)} tickets`] = `${
      verdict(
        desk.map((x) => x.ms),
        raw.map((x) => x.ms),
        { ratio: CLOSE_GOAL },
      ).text
    }; run by run ${quantile(paired, 0.5).toFixed(2)}× (IQR ${quantile(paired, 0.25).toFixed(2)}–${quantile(paired, 0.75).toFixed(2)}×); ${BEYOND_RAW}`;
  }
}

/** Line 3: the worker's and the panel's heap after the same work, each desk, BIG against empty. */
async function heaps(desks, results) {
  const at = {};
  for (const d of desks) {
    const { context, extensionId } = d.session;
    await d.page.evaluate((rounds) => sidedeskBench.workTheWorker(rounds), WORKER_ROUNDS);
    // Beside the page, as the side panel stands: its home (no webmail tab), the agent's queue.
    const panel = await openInOwnWindow(context, d.page, `chrome-extension://${extensionId}/sidepanel.html`);
    await panel.waitForSelector('[data-testid="waiting-on-us"]');
    await panel.waitForTimeout(1000); // the live queries' second answers, after the first paint
    const shown = await panel.locator('.queue li').count();
    at[d.size] = { worker: await workerHeap(context, d.page), panel: await pageHeap(context, panel), shown };
    await panel.close();
  }
  for (const [part, label] of [
    ['worker', `the background's service worker, after ${WORKER_ROUNDS} rounds of observe, create, close and reopen`],
    ['panel', 'the side panel, its home (the queue: my open tickets, waiting on us, recent)'],
  ]) {
    results[`JS heap held (after a GC) by ${label}`] = Object.entries(at)
      .map(([size, h]) => `${n(Number(size))} tickets ${mb(h[part])}${part === 'panel' ? ` (${h.shown} tickets listed)` : ''}`)
      .join(', ');
    results[`${part} heap: ${n(BIG)} tickets / empty desk`] = verdict([at[BIG][part]], [at[0][part]], { ratio: HEAP_GOAL }).text;
  }
}

export async function run() {
  const results = {};
  const loadBefore = machineLoad();
  const harness = await bundleHarness();
  const desks = [];
  try {
    for (const size of new Set([0, ...SIZES])) desks.push(await openSize(harness, size));
    await storage(desks, results);
    await heaps(desks, results);
    await close(
      desks.filter((d) => d.size > 0),
      results,
    );
  } finally {
    for (const d of desks) await d.session.close();
  }
  results['machine'] = `${loadBefore} at the start, ${machineLoad()} at the end`;
  return results;
}
