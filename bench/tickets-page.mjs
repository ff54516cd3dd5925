// The desk at scale (the tickets page): first render, and search from a keystroke to the rows
// painted, at 1,000, 10,000 and 100,000 tickets. Each size is its own headless Chromium with the
// built extension, its IndexedDB seeded through the real database class with tickets,
// conversations, contacts and the search words the desk writes (bench/desk-data.mjs); the sizes
// are measured in turns, run after run, so a busy machine slows them alike and each ratio is taken
// within one run. Every time is read inside the page (performance.now), from the navigation or the
// input event to the first frame after the expected rows are in the DOM.
import { bundleHarness } from './bundle.mjs';
import { openSeededDesk } from './seeded-desk.mjs';
import { ACME, ANNA, COMMON_WORD } from './desk-data.mjs';
import { describe, machineLoad, median, ms, verdict } from './stats.mjs';

const RUNS = Number(process.env.BENCH_RUNS ?? 11);

/** Views opened from the address, and how the page's model serves each (entrypoints/tickets/model.ts). */
const VIEWS = [
  {
    name: 'all tickets',
    address: '',
    served: 'the updatedAt index walked newest first until the page (101) is full',
  },
  {
    name: 'stage any open',
    address: '?stage=open',
    served: 'each open stage walked along [pipelineId+stageId+updatedAt] newest first, up to the page each, merged: exact',
  },
  {
    name: 'my open tickets',
    address: '?owner=me&stage=open',
    served:
      'each of my accounts walked along [ownerId+updatedAt] newest first, filtered by stage on the way, until the page is full: exact',
  },
  {
    name: 'sorted by priority',
    address: '?sort=priority',
    served: '[priority+updatedAt] walked one priority after another, newest first, until the page is full',
  },
];

/** Searches typed into the page, and what each finds in the seeded desk. */
const SEARCHES = [
  { kind: 'word', q: COMMON_WORD, about: `"${COMMON_WORD}": a word of about 1 ticket in 5, walked newest first as far as the page` },
  { kind: 'contact name', q: 'kowalska', about: `"kowalska": a contact's surname (${ANNA.tickets} tickets at every size)` },
  {
    kind: 'contact address',
    q: ANNA.email,
    about: `"${ANNA.email}": the whole address (${ANNA.tickets} tickets at every size)`,
  },
  {
    kind: 'contact company',
    q: ACME.domain,
    about: `"${ACME.domain}": a company's domain (1 ticket in ${ACME.every}: 10× the matches at 10× the desk)`,
  },
  { kind: 'number', q: 'T-5000', about: '"T-5000": a ticket number' },
];

const openSize = (harness, size) => openSeededDesk(harness, size, { selector: 'tbody tr', mark: '__firstRowsPainted' });

/** Navigation start to the first rows painted, in ms. */
async function timeFirstRender(desk, address) {
  await desk.page.goto(`${desk.url}${address}`);
  await desk.page.waitForFunction(() => window.__firstRowsPainted !== undefined, null, { timeout: 30_000 });
  return desk.page.evaluate(() => window.__firstRowsPainted);
}

const label = (id) => `T-${String(Number(id.slice('seed-'.length)) + 1).padStart(4, '0')}`;

/**
 * From the input event that completes `q` to the first frame whose first row is `first` (the
 * ticket the store finds first), in ms, and to the frame that shows all `rows` rows (the table
 * draws a screenful first and the rest in the next task). Each run starts from a search that
 * finds nothing, so every row is drawn anew.
 */
function timeSearch(page, q, first, rows) {
  return page.evaluate(
    async ({ q, first, rows }) => {
      const box = document.querySelector('input[type=search]');
      const type = (value) => {
        box.value = value;
        box.dispatchEvent(new Event('input', { bubbles: true }));
      };
      const frame = () => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
      type('zzqx nothing');
      for (let i = 0; (document.querySelector('tbody tr') || i < 3) && i < 600; i++) await frame();
      await new Promise((resolve) => setTimeout(resolve, 30));
      const painted = (then) =>
        requestAnimationFrame(() => {
          const channel = new MessageChannel();
          channel.port1.onmessage = () => then(performance.now() - started);
          channel.port2.postMessage(null);
        });
      let started = 0;
      return new Promise((resolve, reject) => {
        const timeout = setTimeout(() => reject(new Error(`no row ${first} for "${q}"`)), 20_000);
        let firstMs = null;
        let waiting = false;
        const observer = new MutationObserver(() => {
          if (firstMs === null && !waiting && document.querySelector('tbody tr')?.textContent?.includes(first)) {
            waiting = true;
            painted((ms) => (firstMs = ms));
          }
          if (document.querySelectorAll('tbody tr').length < rows || !document.querySelector('tbody tr')?.textContent?.includes(first))
            return;
          observer.disconnect();
          painted((ms) => {
            clearTimeout(timeout);
            // Both in the same frame when the whole list came at once.
            resolve({ first: firstMs ?? ms, all: ms });
          });
        });
        observer.observe(document.body, { childList: true, subtree: true, characterData: true });
        started = performance.now();
        type(q);
      });
    },
    { q, first, rows },
  );
}

/** The rows the page shows for `q`, as labels. */
async function shownFor(page, q) {
  await page.evaluate((q) => {
    const box = document.querySelector('input[type=search]');
    box.value = q;
    box.dispatchEvent(new Event('input', { bubbles: true }));
  }, q);
  await page.waitForTimeout(1500);
  return page.$$eval('tbody tr', (rows) => rows.map((r) => /T-\d+/.exec(r.textContent ?? '')?.[0]));
}

/** Runs `measure(desk, item)` RUNS times for every desk and item, the desks in turns (their order
 * rotated each run); returns the samples by `${item.name}@${size}`. */
async function inTurns(desks, items, measure) {
  const samples = {};
  for (let run = 0; run < RUNS; run++) {
    for (const item of items) {
      for (let k = 0; k < desks.length; k++) {
        const desk = desks[(run + k) % desks.length];
        (samples[`${item.key}@${desk.size}`] ??= []).push(await measure(desk, item));
      }
    }
  }
  return samples;
}

export async function run() {
  const harness = await bundleHarness();
  const results = {};
  const loadBefore = machineLoad();
  const desks = [];
  try {
    for (const size of [1_000, 10_000, 100_000]) desks.push(await openSize(harness, size));
    for (const d of desks)
      results[`seeded ${d.size.toLocaleString('en')} tickets (import with search words)`] = `${(d.seedMs / 1000).toFixed(1)} s`;

    // First render: open the page's address, time to the first rows painted.
    const views = VIEWS.map((v) => ({ ...v, key: v.name }));
    for (const d of desks) await timeFirstRender(d, ''); // a first, cold open of each browser
    const renders = await inTurns(desks, views, (d, v) => timeFirstRender(d, v.address));
    for (const v of views) {
      const at = (size) => renders[`${v.key}@${size}`];
      for (const size of [1_000, 100_000])
        results[`first render, ${v.name} (tickets.html${v.address}), ${size.toLocaleString('en')} tickets`] = describe(at(size));
      results[`first render, ${v.name}: 100k / 1k`] = `${verdict(at(100_000), at(1_000), { ratio: 1.5 }).text}; served by ${v.served}`;
    }

    // Search: the same query at 10,000 and 100,000 tickets.
    const big = desks.filter((d) => d.size >= 10_000);
    for (const d of big) {
      await d.page.goto(d.url);
      await d.page.evaluate(harness);
    }
    const searches = [];
    for (const s of SEARCHES) {
      const found = {};
      for (const d of big) {
        const sure = await d.page.evaluate((q) => sidedeskBench.expected(q), s.q);
        const shown = await shownFor(d.page, s.q);
        if (shown.length === 0) throw new Error(`the page shows no rows for "${s.q}" at ${d.size} tickets`);
        found[d.size] = { first: shown[0], rows: shown.length, matched: sure.matched, right: shown.join() === sure.ids.map(label).join() };
      }
      searches.push({ ...s, key: s.kind, found });
    }
    const timed = await inTurns(big, searches, (d, s) => timeSearch(d.page, s.q, s.found[d.size].first, s.found[d.size].rows));
    const typed = Object.fromEntries(Object.entries(timed).map(([k, xs]) => [k, xs.map((x) => x.first)]));
    const whole = Object.fromEntries(Object.entries(timed).map(([k, xs]) => [k, xs.map((x) => x.all)]));
    // The store's part, the same searches in turns again: findTickets, and the page's whole read.
    const queries = await inTurns(big, searches, (d, s) => d.page.evaluate((q) => sidedeskBench.timeQuery(q), s.q));
    for (const s of searches) {
      const at = (size) => typed[`${s.key}@${size}`];
      for (const size of [10_000, 100_000]) {
        const f = s.found[size];
        const q = queries[`${s.key}@${size}`];
        const read = `${q[0].read.toLocaleString('en')} ${q[0].read === 1 ? 'ticket' : 'tickets'} read${q[0].truncated ? ' (said to be cut)' : ''}`;
        const store = `findTickets ${ms(median(q.map((x) => x.findMs)))}, the page's read ${ms(median(q.map((x) => x.loadMs)))}`;
        const correct = f.right
          ? 'shows the rows a full read of the desk gives'
          : 'does NOT show the rows a full read of the desk gives (the newest 100 of all matches)';
        results[`search by ${s.kind}, ${size.toLocaleString('en')} tickets (keystroke -> rows painted)`] =
          `${describe(at(size))}; of which ${store} (medians); ${f.matched.toLocaleString('en')} ${f.matched === 1 ? 'ticket matches' : 'tickets match'}, ${read}; ${correct}`;
        results[`search by ${s.kind}, ${size.toLocaleString('en')} tickets (keystroke -> all ${f.rows} rows painted)`] = describe(
          whole[`${s.key}@${size}`],
        );
      }
      results[`search by ${s.kind}: 100k / 10k`] = `${verdict(at(100_000), at(10_000), { ratio: 1.2, ceiling: 50 }).text}; ${s.about}`;
    }
    results['how each search is served'] = SERVED;
  } finally {
    for (const d of desks) await d.session.close();
  }
  results['machine'] = `${loadBefore} at the start, ${machineLoad()} at the end`;
  return results;
}

const SERVED =
  'a new view reads its first screen (30 rows) first and the rest of its page (100) once that is painted. A number by ' +
  'the unique number index (one key); words, names and addresses by the *words multi-entry index of ticketWords, keyed ' +
  "[order+rank] = [-updatedAt, -number], so that each word's entries come newest first. The longest term's rows are " +
  'read whole at once when it starts at most DIRECT_READ (200) entries (one getAll), and sorted; meanwhile the filter ' +
  '(settings, accounts) is read. Otherwise the different words it starts are found by seeking from one to the next (or ' +
  "the next term's, past MAX_MERGED_WORDS (24) words), each word read newest first (its rows whole for up to " +
  'WHOLE_ROWS_WORDS (4) words, else its keys and then the merged rows by key) and the reads merged, only as far as the ' +
  'page (the tickets that have the other terms and pass the filters, at most SEARCH_WALK_LIMIT (20,000) entries); exact ' +
  'however many match. Only when every term starts more than 24 words are SEARCH_CANDIDATES (2,000) entries read in ' +
  "word order, and the page says it may have cut. The tickets by key, one request each; the shown tickets' " +
  'conversations: one ticketId request per ticket, side by side in one transaction';
