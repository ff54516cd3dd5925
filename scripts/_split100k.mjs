import { launch, serve, median } from './browser.mjs';
const THREADS = ['19a367a0e0052e6b', '199a4cb2200f2a74'];
const NAMES = ['Order #4411 did not arrive', 'Refund for #3920'];
/** 100 000 tickets, each with a conversation, written straight into the extension's IndexedDB. */
async function seed(page, count) {
  await page.evaluate(async (count) => {
    const db = await new Promise((resolve) => {
      const open = indexedDB.open('sidedesk');
      open.onsuccess = () => resolve(open.result);
    });
    const stages = ['new', 'waiting-on-contact', 'waiting-on-us', 'closed'];
    const batch = 10_000;
    for (let start = 0; start < count; start += batch) {
      await new Promise((resolve, reject) => {
        const tx = db.transaction(['tickets', 'conversations'], 'readwrite');
        for (let n = start; n < Math.min(count, start + batch); n++) {
          const id = `seed-${n}`;
          const stageId = stages[n % 4];
          const at = 1_700_000_000_000 + n * 1000;
          const contact = `customer-${n % 5000}@example.com`;
          tx.objectStore('tickets').put({ id, number: 1000 + n, name: `Seeded ticket ${n}`, description: '', pipelineId: 'support', stageId, priority: 'medium', ownerId: 'agent@sidedesk.test', category: null, source: 'import', contactEmail: contact, createdAt: at, updatedAt: at, closedAt: stageId === 'closed' ? at : null, properties: {}, rev: 1 });
          tx.objectStore('conversations').put({ id: `gmail:agent@sidedesk.test:seed${n}`, provider: 'gmail', account: 'agent@sidedesk.test', threadId: `seed${n}`, subject: `Seeded ${n}`, url: null, contactEmail: contact, participants: [], messageCount: 1, lastMessageAt: at, ownerId: 'agent@sidedesk.test', state: stageId === 'closed' ? 'closed' : 'open', ticketId: id, firstSeenAt: at, lastSeenAt: at, rev: 1 });
        }
        tx.oncomplete = resolve;
        tx.onerror = () => reject(tx.error);
      });
    }
    db.close();
  }, count);
}


const session = await launch({ extension: true });
const { context, extensionId } = session;
await serve(context, 'https://mail.google.com/**', 'gmail/inbox-app-2025.html');
const mail = await context.newPage();
await mail.goto('https://mail.google.com/mail/u/0/#inbox');
await mail.evaluate(() => sessionStorage.setItem('paintDelay', '0'));
const ext = await context.newPage();
await ext.goto(`chrome-extension://${extensionId}/tickets.html`);
for (const t of THREADS) {
  await mail.evaluate((id) => void (location.hash = `#inbox/${id}`), t);
  await new Promise((r) => setTimeout(r, 500));
  await ext.evaluate((id) => chrome.runtime.sendMessage({ sidedesk: 1, name: 'command', data: { type: 'createTicket', requestId: crypto.randomUUID(), actor: 'agent@sidedesk.test', conversationId: `gmail:agent@sidedesk.test:${id}`, draft: {} } }), t);
}
const tabs = await ext.evaluate(() => new Promise((res) => { const o = indexedDB.open('sidedesk'); o.onsuccess = () => { const q = o.result.transaction('tabs').objectStore('tabs').getAll(); q.onsuccess = () => res(q.result); }; }));
const panel = await context.newPage();
await panel.goto(`chrome-extension://${extensionId}/sidepanel.html?tab=${tabs[0].tabId}`);
await panel.waitForSelector('.ticket-name');
await seed(ext, 100_000);
await panel.reload();
await panel.waitForSelector('.ticket-name');
const rows = [];
for (let i = 0; i < 20; i++) {
  const which = i % 2;
  const want = `gmail:agent@sidedesk.test:${THREADS[which]}`;
  const probe = panel.evaluate(async ([want, name]) => {
    const t0 = performance.now();
    let stored = null, painted = null;
    const poll = async () => {
      while (stored === null) {
        await new Promise((res) => { const o = indexedDB.open('sidedesk'); o.onsuccess = () => { const q = o.result.transaction('tabs').objectStore('tabs').getAll(); q.onsuccess = () => { o.result.close(); if (q.result.some((t) => t.conversationId === want)) stored = performance.now(); res(); }; }; });
        await new Promise((r) => setTimeout(r, 1));
      }
    };
    const frames = new Promise((res) => { const f = () => { if (document.querySelector('.ticket-name')?.textContent?.includes(name)) { painted = performance.now(); res(); } else requestAnimationFrame(f); }; requestAnimationFrame(f); });
    await Promise.all([poll(), frames]);
    return { t0, stored, painted };
  }, [want, NAMES[which]]);
  await new Promise((r) => setTimeout(r, 30));
  const started = performance.now();
  const navAt = await mail.evaluate((t) => { location.hash = `#inbox/${t}`; return performance.timeOrigin + performance.now(); }, THREADS[which]);
  const p = await probe;
  const total = performance.now() - started;
  const origin = await panel.evaluate(() => performance.timeOrigin);
  rows.push({ total, navToStored: origin + p.stored - navAt, storedToPainted: p.painted - p.stored });
}
for (const k of ['total', 'navToStored', 'storedToPainted']) console.log(k, median(rows.map((r) => r[k])).toFixed(1));
await session.close();
