// The desk's search (tickets page): from a keystroke to the rows painted, by word, by contact and
// by number, at 1,000, 10,000 and 100,000 tickets, in one browser; each size seeded straight into
// the extension's IndexedDB with the search rows the desk would write.
import { launch, median, percentile } from '../scripts/browser.mjs';

const RUNS = Number(process.env.BENCH_RUNS ?? 9);
const SIZES = [1_000, 10_000, 100_000];

/** `count` tickets (a tenth of them for one customer in a hundred), with their search words. */
async function seed(page, from, to) {
  await page.evaluate(
    async ({ from, to }) => {
      const db = await new Promise((resolve) => {
        const open = indexedDB.open('sidedesk');
        open.onsuccess = () => resolve(open.result);
      });
      const batch = 10_000;
      for (let start = from; start < to; start += batch) {
        await new Promise((resolve, reject) => {
          const tx = db.transaction(['tickets', 'ticketSearch'], 'readwrite');
          for (let n = start; n < Math.min(to, start + batch); n++) {
            const id = `seed-${n}`;
            const at = 1_700_000_000_000 + n * 1000;
            const contact = `customer-${n % 1000}@klient${n % 7}.example`;
            const name = `Order ${n} did not arrive`;
            tx.objectStore('tickets').put({
              id,
              number: 1000 + n,
              name,
              description: '',
              pipelineId: 'support',
              stageId: 'new',
              priority: 'medium',
              ownerId: null,
              category: null,
              source: 'import',
              contactEmail: contact,
              createdAt: at,
              updatedAt: at,
              closedAt: null,
              properties: {},
              rev: 1,
            });
            const words = ['order', String(n), 'did', 'not', 'arrive', contact, ...contact.split(/[^a-z0-9]+/)];
            tx.objectStore('ticketSearch').put({ ticketId: id, words: [...new Set(words)] });
          }
          tx.oncomplete = resolve;
          tx.onerror = () => reject(tx.error);
        });
      }
      db.close();
    },
    { from, to },
  );
}

/** Keystroke (the search box's input event) to rows painted that show `expect`, in ms. */
async function timeSearch(page, query, expect) {
  const times = [];
  for (let i = 0; i < RUNS; i++) {
    await page.evaluate(() => {
      const box = document.querySelector('input[type=search]');
      box.value = '';
      box.dispatchEvent(new Event('input', { bubbles: true }));
    });
    await page.waitForFunction(() => !document.querySelector('.page')?.textContent?.includes('No tickets match'));
    const painted = page.waitForFunction((text) => document.querySelector('tbody tr')?.textContent?.includes(text), expect, {
      polling: 'raf',
      timeout: 20_000,
    });
    const started = performance.now();
    await page.evaluate((q) => {
      const box = document.querySelector('input[type=search]');
      box.value = q;
      box.dispatchEvent(new Event('input', { bubbles: true }));
    }, query);
    await painted;
    times.push(performance.now() - started);
  }
  return times;
}

const fmt = (xs) => `median ${median(xs).toFixed(1)} ms, p90 ${percentile(xs, 90).toFixed(1)} ms`;

export async function run() {
  const session = await launch({ extension: true });
  const page = await session.context.newPage();
  await page.goto(`chrome-extension://${session.extensionId}/tickets.html`);
  await page.waitForSelector('input[type=search]');
  const results = {};
  const medians = {};
  let seeded = 0;
  for (const size of SIZES) {
    await seed(page, seeded, size);
    seeded = size;
    await page.reload();
    await page.waitForSelector('tbody tr');
    const cases = {
      word: ['arrive', 'did not arrive'],
      contact: ['customer-421@klient', `Order ${size - 1000 + 421} `],
      number: [`T-${1000 + Math.floor(size / 2)}`, `Order ${Math.floor(size / 2)} `],
    };
    for (const [kind, [query, expect]] of Object.entries(cases)) {
      const times = await timeSearch(page, query, expect);
      medians[`${kind}@${size}`] = median(times);
      results[`search by ${kind}, ${size.toLocaleString('en')} tickets (keystroke -> rows painted)`] = fmt(times);
    }
  }
  for (const kind of ['word', 'contact', 'number']) {
    const ratio = medians[`${kind}@100000`] / medians[`${kind}@10000`];
    const met = medians[`${kind}@100000`] <= 50 && ratio <= 1.2;
    results[`search by ${kind}: 100k / 10k`] = `${ratio.toFixed(2)}x; goal median <= 50 ms and <= 1.2x: ${met ? 'met' : 'not met'}`;
  }
  results['how each search is served'] =
    'number: the unique number index; words and contact: the *words multi-entry index of ticketSearch (prefix, at most 2,000 candidates), other terms checked on those; rows sorted by last change among the candidates';
  await session.close();
  return results;
}
