import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, type ChromiumSession } from './support/chromium';
import { chipText, clickChip, readChip } from './support/closed-chip';
import { readTable, requestId, send } from './support/extension-page';
import { fixture, SCREENSHOTS } from './support/paths';
import { WEBMAIL_SPECS } from './support/webmail-specs';

describe.each(WEBMAIL_SPECS)('Chromium: $provider webmail', (spec) => {
  let session: ChromiumSession;
  beforeAll(async () => {
    session = await launchChromium();
  });
  afterAll(async () => {
    await session?.close();
  });

  it('stores the right conversation after each in-page navigation, shows the chip, follows live changes, opens the record page', async () => {
    const mail = await session.context.newPage();
    // Every script the page's renderer compiles, the content scripts' own world included.
    const parsed: Array<{ url: string; at: number }> = [];
    const cdp = await session.context.newCDPSession(mail);
    cdp.on('Debugger.scriptParsed', (e) => void parsed.push({ url: e.url, at: Date.now() }));
    await cdp.send('Debugger.enable');
    const compiled = (file: string, since = 0) =>
      parsed.filter((p) => p.url.startsWith('chrome-extension://') && p.url.endsWith(file) && p.at >= since).length;
    await mail.goto(spec.listUrl, { waitUntil: 'load' });
    const ext = await session.extensionPage();
    // The background has had the list's events (they come before this answer).
    expect((await send(ext, 'getSettings', {})).ok).toBe(true);
    const tabConversation = async () => (await readTable(ext, 'tabs')).map((t) => t.conversationId);
    // A mailbox list runs none of our code: no content script, no record of the tab.
    expect(await tabConversation()).toEqual([]);
    // The panel says so all the same.
    const [tabId] = await ext.evaluate(
      async (pattern) => ((await (globalThis as any).chrome.tabs.query({ url: pattern })) as Array<{ id: number }>).map((t) => t.id),
      `${new URL(spec.listUrl).origin}/*`,
    );
    const panel = await session.extensionPage(`sidepanel.html?tab=${tabId}`);
    await expect.poll(() => panel.getByText('No conversation is open in this tab.').count(), { timeout: 10_000 }).toBe(1);
    await panel.close();
    const openedAt = Date.now();

    for (const which of [0, 1, 0] as const) {
      const expected = spec.conversations[which];
      await spec.open(mail, which);
      await expect.poll(tabConversation, { timeout: 10_000 }).toEqual([expected.id]);
      const stored = (await readTable(ext, 'conversations')).find((c) => c.id === expected.id);
      expect(stored).toMatchObject({ subject: expected.subject, contactEmail: expected.contactEmail });
      await expect.poll(() => chipText(mail), { timeout: 5000 }).toContain('Create ticket');
    }
    expect((await readTable(ext, 'conversations')).map((c) => c.id).sort()).toEqual(spec.conversations.map((c) => c.id).sort());
    // The content script and the chip's code came with the first conversation, once for the page.
    expect(compiled(`content-scripts/${spec.provider}.js`)).toBe(1);
    expect(compiled(`content-scripts/${spec.provider}.js`, openedAt)).toBe(1);
    expect(compiled('/chip.js')).toBe(1);
    await cdp.detach();
    await mail.locator('sidedesk-chip').screenshot({ path: join(SCREENSHOTS, `chip-create-${spec.provider}.png`) });

    // A ticket made elsewhere appears in the chip without reloading the page.
    const [first] = spec.conversations;
    const created = await send(ext, 'command', {
      type: 'createTicket',
      requestId: requestId(),
      actor: 'agent',
      conversationId: first.id,
      draft: { name: 'Courier lost the parcel' },
    });
    expect(created.ok).toBe(true);
    await expect.poll(() => chipText(mail), { timeout: 5000 }).toContain('T-0001 Courier lost the parcel');
    expect(await chipText(mail)).toContain('New');
    // The page's own scripts cannot read it: the root is closed.
    expect((await readChip(mail))?.mode).toBe('closed');
    expect(await mail.evaluate(() => document.querySelector('sidedesk-chip')?.shadowRoot ?? 'no root')).toBe('no root');
    const ticket = created.ok ? created.data.ticket : null;
    await send(ext, 'command', {
      type: 'setTicketStage',
      requestId: requestId(),
      actor: 'agent',
      ticketId: ticket.id,
      rev: ticket.rev,
      stageId: 'waiting-on-us',
    });
    await expect.poll(() => chipText(mail), { timeout: 5000 }).toContain('Waiting on us');
    expect((await readChip(mail))?.tone).toBe('waiting');
    await mail.screenshot({ path: join(SCREENSHOTS, `chip-${spec.provider}.png`) });

    // A page script clicking the chip's host does nothing; the agent's click on the ticket's name
    // opens its record page in a new tab.
    const pages = session.context.pages().length;
    await mail.evaluate(() => (document.querySelector('sidedesk-chip') as HTMLElement).click());
    await mail.waitForTimeout(300);
    expect(session.context.pages()).toHaveLength(pages);
    const [recordPage] = await Promise.all([session.context.waitForEvent('page'), clickChip(mail)]);
    await recordPage.waitForLoadState();
    expect(recordPage.url()).toBe(`chrome-extension://${session.extensionId}/record.html?id=${ticket.id}`);
    await expect.poll(() => recordPage.locator('.record-title').textContent(), { timeout: 5000 }).toContain('Courier lost the parcel');
    await mail.close();
    await ext.close();
  });
});

describe('Chromium: hostile mail', () => {
  let session: ChromiumSession;
  beforeAll(async () => {
    session = await launchChromium();
  });
  afterAll(async () => {
    await session?.close();
  });

  it('subjects and names with markup, script, RTL overrides and 2 000 characters are stored as capped text and never run', async () => {
    const mail = await session.context.newPage();
    await mail.route('https://mail.google.com/**', (route) =>
      route.fulfill({ contentType: 'text/html; charset=utf-8', body: fixture('gmail/hostile.html') }),
    );
    await mail.goto('https://mail.google.com/mail/u/0/#inbox/19a367a0e0052e6b');
    const ext = await session.extensionPage();
    const id = 'gmail:agent@sidedesk.test:19a367a0e0052e6b';
    await expect.poll(async () => (await readTable(ext, 'conversations')).map((c) => c.id), { timeout: 10_000 }).toContain(id);
    const stored = (await readTable(ext, 'conversations')).find((c) => c.id === id);
    expect(stored.subject.startsWith('<img src=x onerror="window.__pwned=1"><script>window.__pwned=1</script>elbatsiv AAAA')).toBe(true);
    expect(stored.subject).toHaveLength(500);
    expect((await readTable(ext, 'contacts'))[0]).toMatchObject({ email: 'evil@attacker.example', name: '<b onmouseover=x>Evil</b>' });

    const created = await send(ext, 'command', {
      type: 'createTicket',
      requestId: requestId(),
      actor: 'agent',
      conversationId: id,
      draft: {},
    });
    expect(created.ok).toBe(true);
    await expect.poll(() => chipText(mail), { timeout: 5000 }).toContain('<img src=x onerror=');
    // Shown as text: no element was made from it, nothing ran, in the page or the extension.
    const elements = (await readChip(mail))?.elements ?? [];
    expect(elements).toContain('BUTTON');
    expect(elements.filter((name) => ['IMG', 'SCRIPT', 'B'].includes(name))).toEqual([]);
    expect(await mail.evaluate(() => (window as { __pwned?: number }).__pwned)).toBeUndefined();
    await ext.reload();
    await expect.poll(() => ext.locator('tbody tr td a').first().textContent(), { timeout: 5000 }).toContain('<img src=x');
    expect(await ext.locator('tbody img, tbody script').count()).toBe(0);
    await mail.close();
    await ext.close();
  });
});
