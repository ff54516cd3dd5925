#!/usr/bin/env node
// `npm run demo`: Sidedesk working without any webmail account. Builds the extension, starts
// Chromium with it on a demo inbox (the Gmail and Outlook fixture pages served at their real
// hosts), seeds a few sample tickets, and saves screenshots of the panel, the chips and the
// record page to demo-output/. Headed when a display is available (then it stays open until you
// close the window), headless otherwise.
import { execSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { preflight } from './preflight.mjs';

preflight(['chromium']);
const { launch, readTable, ROOT, serve } = await import('./browser.mjs');

const OUT = join(ROOT, 'demo-output');
const headed = Boolean(process.env.DISPLAY || process.env.WAYLAND_DISPLAY) && !process.env.CI;
mkdirSync(OUT, { recursive: true });

console.log('Building the extension…');
// Quiet when it works; the build's own output when it does not.
try {
  execSync('npx wxt build', { cwd: ROOT, stdio: 'pipe' });
} catch (error) {
  process.stderr.write(`The extension did not build:\n${error.stdout ?? ''}${error.stderr ?? ''}`);
  process.exit(1);
}

const session = await launch({ extension: true, headed, viewport: { width: 1280, height: 800 } });
const { context, extensionId } = session;
await serve(context, 'https://mail.google.com/**', 'gmail/inbox-app-2025.html');
await serve(context, 'https://outlook.office.com/**', 'outlook/app.html');

const ext = await context.newPage();
await ext.goto(`chrome-extension://${extensionId}/tickets.html`);
const send = (name, data) => ext.evaluate(([name, data]) => chrome.runtime.sendMessage({ sidedesk: 1, name, data }), [name, data]);
const table = (name) => readTable(ext, name);
const until = async (check) => {
  for (let i = 0; i < 200; i++) {
    if (await check()) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error('the demo inbox did not load');
};

// The demo inbox: each conversation opened once, as an agent reading the mail would.
const gmail = await context.newPage();
await gmail.goto('https://mail.google.com/mail/u/0/#inbox');
for (const row of [1, 0]) {
  await gmail.locator('tr.zA').nth(row).click();
  const id = row === 0 ? '19a367a0e0052e6b' : '199a4cb2200f2a74';
  await until(async () => (await table('tabs')).some((t) => t.conversationId?.endsWith(id)));
  if (row === 1) await gmail.evaluate(() => (location.hash = '#inbox'));
}
const outlook = await context.newPage();
await outlook.goto('https://outlook.office.com/mail/inbox');
await outlook.locator('[role="option"][data-convid]').first().click();
await until(async () => (await table('conversations')).some((c) => c.provider === 'outlook'));

// Sample tickets in several stages.
const conversations = await table('conversations');
const byThread = (suffix) => conversations.find((c) => c.id.endsWith(suffix)).id;
const actor = 'agent@sidedesk.test';
const rid = () => crypto.randomUUID();
const order = await send('command', {
  type: 'createTicket',
  requestId: rid(),
  actor,
  conversationId: byThread('19a367a0e0052e6b'),
  draft: { name: 'Order #4411 did not arrive', description: 'The courier lost the parcel between depots.', priority: 'high' },
});
await send('command', {
  type: 'setTicketStage',
  requestId: rid(),
  actor,
  ticketId: order.data.ticket.id,
  rev: 1,
  stageId: 'waiting-on-us',
});
const refund = await send('command', {
  type: 'createTicket',
  requestId: rid(),
  actor,
  conversationId: byThread('199a4cb2200f2a74'),
  draft: { name: 'Refund for #3920', priority: 'medium' },
});
await send('command', { type: 'setTicketStage', requestId: rid(), actor, ticketId: refund.data.ticket.id, rev: 1, stageId: 'closed' });
const outlookConversation = conversations.find((c) => c.provider === 'outlook');
await send('command', {
  type: 'createTicket',
  requestId: rid(),
  actor: outlookConversation.account,
  conversationId: outlookConversation.id,
  draft: { name: 'Order #4411 (Outlook copy)', priority: 'urgent' },
});

// The side panel, pinned to the Gmail tab (Chrome's real side panel shows the same page).
const [gmailTab] = (await table('tabs')).filter((t) => t.url.startsWith('https://mail.google.com'));
await gmail.bringToFront();
const panel = await context.newPage();
await panel.setViewportSize({ width: 400, height: 800 });
await panel.goto(`chrome-extension://${extensionId}/sidepanel.html?tab=${gmailTab.tabId}`);
await panel.waitForSelector('.ticket-name');
await gmail.waitForSelector('sidedesk-chip');
await new Promise((r) => setTimeout(r, 400));
await panel.screenshot({ path: join(OUT, 'panel.png') });
await gmail.screenshot({ path: join(OUT, 'chip-gmail.png') });
await outlook.screenshot({ path: join(OUT, 'chip-outlook.png') });
const record = await context.newPage();
await record.goto(`chrome-extension://${extensionId}/record.html?id=${order.data.ticket.id}`);
await record.waitForSelector('.record-title');
await record.screenshot({ path: join(OUT, 'record.png') });
await ext.reload();
await ext.waitForSelector('tbody tr');
await ext.screenshot({ path: join(OUT, 'tickets.png') });

console.log(`Screenshots saved in ${OUT}: panel.png, chip-gmail.png, chip-outlook.png, record.png, tickets.png`);
if (headed) {
  console.log('Chromium is open on the demo inbox. Close its window to end the demo.');
  await new Promise((resolve) => context.on('close', resolve));
} else {
  await session.close();
}
