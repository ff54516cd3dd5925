import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkImport } from '../../domain/import-check';
import { DEFAULT_SETTINGS } from '../../domain/settings';
import { readTable, requestId, send, waitUntil } from './support/extension-page';
import { launchFirefox, type FirefoxSession } from './support/firefox';
import { ROOT, SCREENSHOTS } from './support/paths';

const ACTOR = 'agent@sidedesk.test';
const FILES = join(ROOT, 'test-results/export-import');
mkdirSync(FILES, { recursive: true });

interface BidiSession {
  send(method: string, params: object): Promise<unknown>;
}

/** The WebDriver BiDi session under puppeteer's page (as support/firefox-chip.ts reaches it). */
function bidiOf(page: Page): BidiSession {
  const frame = page.mainFrame() as unknown as { browsingContext: { userContext: { browser: { session: BidiSession } } } };
  return frame.browsingContext.userContext.browser.session;
}

/** A small export as another Sidedesk would write it: one ticket with its conversation and contact. */
function smallExport() {
  const at = 1_761_850_560_000;
  const conversationId = 'gmail:agent@sidedesk.test:imported1';
  return {
    format: 'sidedesk-export',
    version: 1,
    schemaVersion: 6,
    exportedAt: at + 5000,
    settings: { ...DEFAULT_SETTINGS, team: [{ id: ACTOR, name: 'agent', email: ACTOR }] },
    nextTicketNumber: 8,
    tickets: [
      {
        id: 'imported-ticket-7',
        number: 7,
        name: 'Reklamacja — zażółć gęślą jaźń',
        description: 'Przeniesione z innego komputera.',
        pipelineId: 'support',
        stageId: 'new',
        priority: 'high',
        ownerId: ACTOR,
        category: null,
        source: 'email',
        contactEmail: 'ewa@firma.example',
        createdAt: at,
        updatedAt: at + 1000,
        closedAt: null,
        properties: {},
        rev: 3,
      },
    ],
    conversations: [
      {
        id: conversationId,
        provider: 'gmail',
        account: ACTOR,
        threadId: 'imported1',
        subject: 'Reklamacja',
        url: null,
        contactEmail: 'ewa@firma.example',
        participants: [{ email: 'ewa@firma.example', name: 'Ewa Wiśniewska' }],
        messageCount: 1,
        lastMessageAt: at,
        ownerId: ACTOR,
        state: 'open',
        ticketId: 'imported-ticket-7',
        firstSeenAt: at,
        lastSeenAt: at,
        rev: 2,
      },
    ],
    contacts: [{ email: 'ewa@firma.example', name: 'Ewa Wiśniewska', companyDomain: 'firma.example', followed: false }],
    timeline: [],
    trash: [],
  };
}

describe('Firefox ESR: export and import (smoke)', () => {
  let session: FirefoxSession;
  let downloads: string;
  let page: Page;
  beforeAll(async () => {
    session = await launchFirefox();
    downloads = mkdtempSync(join(tmpdir(), 'sidedesk-ff-downloads-'));
  });
  afterAll(async () => {
    await session?.close();
    rmSync(downloads, { recursive: true, force: true });
  });

  it('exports the desk as a file in the downloads', async () => {
    page = await session.extensionPage('options.html', '#data button.primary');
    const observed = await send(page, 'command', {
      type: 'observe',
      requestId: requestId(),
      actor: 'content-script',
      observation: {
        provider: 'gmail',
        account: ACTOR,
        threadId: 'ff1',
        subject: 'Zamówienie #4411 nie dotarło',
        url: null,
        contact: { email: 'anna.kowalska@klient.pl', name: 'Anna Kowalska' },
        participants: [{ email: 'anna.kowalska@klient.pl', name: 'Anna Kowalska' }],
        messageCount: 1,
        lastMessageAt: 1_761_850_560_000,
      },
    });
    expect(observed.ok).toBe(true);
    const created = await send<any>(page, 'command', {
      type: 'createTicket',
      requestId: requestId(),
      actor: ACTOR,
      conversationId: `gmail:${ACTOR}:ff1`,
      draft: {},
    });
    expect(created.ok).toBe(true);
    await page.waitForFunction(() => document.querySelector('#data p.data-notice')?.textContent?.includes('never been exported'));

    // The browser saves downloads into a folder of the test's own, without asking.
    await bidiOf(page).send('browser.setDownloadBehavior', { downloadBehavior: { type: 'allowed', destinationFolder: downloads } });
    const [button] = await page.$$('xpath/.//button[normalize-space()="Export everything (JSON)"]');
    await button!.click();
    const [name] = await waitUntil(
      async () => readdirSync(downloads).filter((f) => !f.endsWith('.part')),
      (files) => files.length === 1,
      15_000,
    );
    expect(name).toMatch(/^sidedesk-\d{4}-\d{2}-\d{2}\.json$/);
    // The whole file: a cut one would not parse.
    const text = await waitUntil(
      async () => readFileSync(join(downloads, name!), 'utf8'),
      (t) => t.endsWith('}'),
    );
    const file = JSON.parse(text);
    const checked = checkImport(file);
    expect(checked.ok ? 'ok' : checked.problem).toBe('ok');
    expect(file.tickets).toEqual(await readTable(page, 'tickets'));
    expect(file.tickets[0].name).toBe('Zamówienie #4411 nie dotarło');
    await page.waitForFunction(() => document.querySelector('.toast span')?.textContent === 'Exported: the file is in your downloads.');
    await page.waitForFunction(() => !document.querySelector('#data p.data-notice'));
  });

  it('imports a small valid file: its ticket is written, beside the desk’s own', async () => {
    const data = smallExport();
    // Sidedesk's own checker takes the file, so what is tested is the browser's import of it.
    const checked = checkImport(data);
    expect(checked.ok ? 'ok' : checked.problem).toBe('ok');
    const path = join(FILES, 'firefox-small.json');
    writeFileSync(path, JSON.stringify(data));
    const before = await readTable(page, 'tickets');
    const input = await page.$('input[name="import-file"]');
    await input!.uploadFile(path);
    await page.waitForSelector('.import-preview table');
    const counts = await page.$$eval('.import-preview tbody tr', (trs) => trs.map((tr) => [...tr.children].map((td) => td.textContent)));
    expect(counts[0]).toEqual(['Tickets', '1', '1']);
    const [importButton] = await page.$$('xpath/.//div[contains(@class,"import-preview")]//button[normalize-space()="Import"]');
    await importButton!.click();
    const [confirm] = await page.$$('xpath/.//*[@role="alertdialog"]//button[normalize-space()="Import"]');
    await confirm!.click();
    await page.waitForFunction(
      // "1 tickets": a wording bug the Chromium test reports; either form passes here.
      () => /^Imported: 1 ticket written\. Collisions settled: 0\.$/.test(document.querySelector('.toast span')?.textContent ?? ''),
      { timeout: 15_000 },
    );
    const tickets = await readTable(page, 'tickets');
    expect(tickets).toHaveLength(before.length + 1);
    expect(tickets.find((t) => t.id === 'imported-ticket-7')).toEqual(data.tickets[0]);
    expect(tickets.find((t) => t.id === before[0].id)).toEqual(before[0]);
    expect((await readTable(page, 'conversations')).find((c) => c.id === data.conversations[0]!.id)).toEqual(data.conversations[0]);
    expect((await readTable(page, 'meta')).find((m) => m.key === 'nextTicketNumber')?.value).toBe(8);
    await page.screenshot({ path: join(SCREENSHOTS, 'firefox-options-data.png') });
  });
});
