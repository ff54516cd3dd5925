// Issue 4 figures: the time from opening a conversation in the webmail tab to its card painted
// in the side panel, with an empty store and with 100 000 tickets (one run, same browser); and
// the panel's bundle size.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { CHROME_BUILD, launch, median, openInboxApp, openInOwnWindow, percentile, readTable } from '../scripts/browser.mjs';

const RUNS = Number(process.env.BENCH_RUNS ?? 15);
const WARMUP = 10;
const THREADS = ['19a367a0e0052e6b', '199a4cb2200f2a74'];
const NAMES = ['Order #4411 did not arrive', 'Refund for #3920'];

function bundleSize() {
  const files = [
    'sidepanel.html',
    ...readdirSync(join(CHROME_BUILD, 'chunks'))
      .filter((f) => f.startsWith('sidepanel'))
      .map((f) => `chunks/${f}`),
    ...readdirSync(join(CHROME_BUILD, 'assets'))
      .filter((f) => f.startsWith('sidepanel'))
      .map((f) => `assets/${f}`),
  ];
  const bytes = files.map((f) => readFileSync(join(CHROME_BUILD, f)));
  return {
    rawKB: bytes.reduce((n, b) => n + b.length, 0) / 1024,
    gzipKB: bytes.reduce((n, b) => n + gzipSync(b, { level: 9 }).length, 0) / 1024,
  };
}

async function measure(mail, panel, runs = RUNS * 2) {
  const times = [];
  for (let i = 0; i < runs; i++) {
    const which = i % 2;
    // Driver clock on both ends; the panel is checked every animation frame (a paint is what counts).
    const painted = panel.waitForFunction((name) => document.querySelector('.ticket-name')?.textContent?.includes(name), NAMES[which], {
      polling: 'raf',
      // Long enough for the first navigation after the 100k import (tens of seconds on a busy machine),
      // which is reported, not hidden.
      timeout: Number(process.env.BENCH_PANEL_TIMEOUT ?? 120_000),
    });
    const started = performance.now();
    await mail.evaluate((t) => void (location.hash = `#inbox/${t}`), THREADS[which]);
    await painted;
    times.push(performance.now() - started);
  }
  return times;
}

/** 100 000 tickets, each with a conversation, written straight into the extension's IndexedDB. */
async function seed(page, count) {
  await page.evaluate(async (count) => {
    const db = await new Promise((resolve) => {
      const open = indexedDB.open('sidedesk');
      open.onsuccess = () => resolve(open.result);
    });
    const stages = ['new', 'waiting-on-contact', 'waiting-on-us', 'closed'];
    const batch = 10_000;
    // The counts the desk keeps with every write (store/count-keys.ts), as an import rebuilds them.
    const counts = new Map();
    const tally = (key) => counts.set(key, (counts.get(key) ?? 0) + 1);
    for (let start = 0; start < count; start += batch) {
      await new Promise((resolve, reject) => {
        const tx = db.transaction(['tickets', 'conversations'], 'readwrite');
        for (let n = start; n < Math.min(count, start + batch); n++) {
          const id = `seed-${n}`;
          const stageId = stages[n % 4];
          const at = 1_700_000_000_000 + n * 1000;
          const contact = `customer-${n % 5000}@example.com`;
          tally(`stage\u0000support\u0000${stageId}`);
          tally(`owner\u0000agent@sidedesk.test\u0000support\u0000${stageId}`);
          tx.objectStore('tickets').put({
            id,
            number: 1000 + n,
            name: `Seeded ticket ${n}`,
            description: '',
            pipelineId: 'support',
            stageId,
            priority: 'medium',
            ownerId: 'agent@sidedesk.test',
            category: null,
            source: 'import',
            contactEmail: contact,
            createdAt: at,
            updatedAt: at,
            closedAt: stageId === 'closed' ? at : null,
            properties: {},
            rev: 1,
          });
          tx.objectStore('conversations').put({
            id: `gmail:agent@sidedesk.test:seed${n}`,
            provider: 'gmail',
            account: 'agent@sidedesk.test',
            threadId: `seed${n}`,
            subject: `Seeded ${n}`,
            url: null,
            contactEmail: contact,
            participants: [],
            messageCount: 1,
            lastMessageAt: at,
            ownerId: 'agent@sidedesk.test',
            state: stageId === 'closed' ? 'closed' : 'open',
            ticketId: id,
            firstSeenAt: at,
            lastSeenAt: at,
            rev: 1,
          });
        }
        tx.oncomplete = resolve;
        tx.onerror = () => reject(tx.error);
      });
    }
    await new Promise((resolve, reject) => {
      const tx = db.transaction('ticketCounts', 'readwrite');
      for (const [key, n] of counts) {
        const store = tx.objectStore('ticketCounts');
        const read = store.get(key);
        read.onsuccess = () => store.put({ key, count: (read.result?.count ?? 0) + n });
      }
      tx.oncomplete = resolve;
      tx.onerror = () => reject(tx.error);
    });
    db.close();
  }, count);
}

export async function run() {
  const session = await launch({ extension: true });
  const { context, extensionId } = session;
  const { mail, ext } = await openInboxApp(session);
  const read = (table) => readTable(ext, table);
  for (const t of THREADS) {
    await mail.evaluate((id) => void (location.hash = `#inbox/${id}`), t);
    for (let i = 0; i < 100 && !(await read('tabs')).some((r) => r.conversationId?.endsWith(t)); i++)
      await new Promise((r) => setTimeout(r, 50));
    await ext.evaluate(
      (id) =>
        chrome.runtime.sendMessage({
          sidedesk: 1,
          name: 'command',
          data: {
            type: 'createTicket',
            requestId: crypto.randomUUID(),
            actor: 'agent@sidedesk.test',
            conversationId: `gmail:agent@sidedesk.test:${id}`,
            draft: {},
          },
        }),
      t,
    );
  }
  const [tab] = await read('tabs');
  // Beside the webmail, as the side panel is: a tab behind it would get no animation frames.
  const panel = await openInOwnWindow(context, ext, `chrome-extension://${extensionId}/sidepanel.html?tab=${tab.tabId}`);
  await panel.waitForSelector('.ticket-name');
  await measure(mail, panel, WARMUP); // unmeasured: caches, compiled code
  const empty = await measure(mail, panel);
  const seedStarted = performance.now();
  await seed(ext, 100_000);
  const seedSeconds = (performance.now() - seedStarted) / 1000;
  await panel.reload();
  await panel.waitForSelector('.ticket-name');
  // Right after writing 200 000 records the database is cold: the first navigations are measured
  // on their own, then the steady state an agent works in, the figure the goal is about.
  const cold = await measure(mail, panel, WARMUP);
  const full = await measure(mail, panel);
  // The popup's first paint, with the 100k store: a fresh page each time, as the toolbar opens it.
  const paints = [];
  for (let i = 0; i < RUNS; i++) {
    const popup = await openInOwnWindow(context, ext, `chrome-extension://${extensionId}/popup.html?tab=${tab.tabId}`);
    await popup.waitForSelector('.popup-list, .popup .muted');
    paints.push(
      await popup.evaluate(() => ({
        fcp: performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? NaN,
        ready: performance.now(),
      })),
    );
    await popup.close();
  }
  // Menu click -> ticket stored: a native menu cannot be clicked from a test, so this times the
  // same worker path (message, transaction, cascade, acknowledgement) from an extension page.
  const creates = await ext.evaluate(async (n) => {
    const times = [];
    for (let i = 0; i < n; i++) {
      const threadId = `bench${i}`;
      const send = (data) =>
        chrome.runtime.sendMessage({
          sidedesk: 1,
          name: 'command',
          data: { requestId: crypto.randomUUID(), actor: 'agent@sidedesk.test', ...data },
        });
      await send({
        type: 'observe',
        observation: {
          provider: 'gmail',
          account: 'agent@sidedesk.test',
          threadId,
          subject: 'Bench',
          url: null,
          contact: null,
          participants: [],
          messageCount: 1,
          lastMessageAt: null,
        },
      });
      const started = performance.now();
      await send({
        type: 'createTicket',
        conversationId: `gmail:agent@sidedesk.test:${threadId}`,
        draft: { description: 'From a selection' },
      });
      times.push(performance.now() - started);
    }
    return times;
  }, RUNS);
  await session.close();
  const size = bundleSize();
  return {
    'open conversation -> card painted, 2 tickets': `median ${median(empty).toFixed(1)} ms, p90 ${percentile(empty, 90).toFixed(1)} ms (goal median <= 50 ms)`,
    'open conversation -> card painted, 100k tickets': `median ${median(full).toFixed(1)} ms, p90 ${percentile(full, 90).toFixed(1)} ms; ratio ${(median(full) / median(empty)).toFixed(2)}x (goal <= 1.2x); seeded in ${seedSeconds.toFixed(1)} s`,
    'the same, first navigations right after the 100k import (cold)': `median ${median(cold).toFixed(1)} ms, max ${Math.max(...cold).toFixed(1)} ms (${cold.length} navigations)`,
    'create ticket -> stored and acknowledged (100k tickets)': `median ${median(creates).toFixed(1)} ms, p90 ${percentile(creates, 90).toFixed(1)} ms`,
    'popup first paint (100k tickets)': `first contentful paint median ${median(paints.map((p) => p.fcp)).toFixed(0)} ms, ticket list shown by ${median(paints.map((p) => p.ready)).toFixed(0)} ms`,
    'side panel bundle (html+js+css)': `${size.rawKB.toFixed(1)} KB raw, ${size.gzipKB.toFixed(1)} KB gzipped (plus the shared chunk: Preact, Dexie, zod)`,
  };
}
