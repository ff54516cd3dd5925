import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkBothSchemes } from './support/axe';
import { launchChromium, type ChromiumSession } from './support/chromium';
import { readTable, requestId, send, waitUntil } from './support/extension-page';
import { SCREENSHOTS } from './support/paths';
import { GMAIL_SPEC } from './support/webmail-specs';

const [ORDER] = GMAIL_SPEC.conversations;
const ACTOR = 'agent@sidedesk.test';

interface Seeded {
  mailTabId: number;
  /** The open conversation's ticket, then the contact's three others (the last one closed). */
  ticketIds: string[];
}

/** Reads one Gmail conversation (so this browser's account is known), then gives its customer three
 * more conversations with tickets: one waiting on us, one waiting on them, one closed. */
async function seed(session: ChromiumSession): Promise<Seeded> {
  const mail = await session.context.newPage();
  await mail.goto(`${GMAIL_SPEC.listUrl}/19a367a0e0052e6b`);
  const ext = await session.extensionPage();
  const [tab] = await waitUntil(
    () => readTable(ext, 'tabs'),
    (tabs) => tabs[0]?.conversationId === ORDER.id,
  );
  const create = async (conversationId: string, draft: object): Promise<string> => {
    const reply = await send(ext, 'command', { type: 'createTicket', requestId: requestId(), actor: ACTOR, conversationId, draft });
    if (!reply.ok) throw new Error(reply.error.message);
    return reply.data.ticket.id;
  };
  const ticketIds = [await create(ORDER.id, {})];
  for (const [threadId, subject, stageId] of [
    ['home1', 'Invoice needs a VAT number', 'waiting-on-us'],
    ['home2', 'Courier asks for a new address', 'waiting-on-contact'],
    ['home3', 'Refund for order #3920', 'closed'],
  ] as const) {
    await send(ext, 'command', {
      type: 'observe',
      requestId: requestId(),
      actor: 'content-script',
      observation: {
        provider: 'gmail',
        account: ACTOR,
        threadId,
        subject,
        url: null,
        contact: { email: ORDER.contactEmail, name: 'Anna Kowalska' },
        participants: [{ email: ORDER.contactEmail, name: 'Anna Kowalska' }],
        messageCount: 1,
        lastMessageAt: null,
      },
    });
    ticketIds.push(await create(`gmail:${ACTOR}:${threadId}`, { stageId }));
  }
  await ext.close();
  return { mailTabId: tab.tabId, ticketIds };
}

/** The panel when no webmail tab is active: it follows the active tab, which is itself. */
async function homePanel(session: ChromiumSession): Promise<Page> {
  const panel = await session.extensionPage('sidepanel.html');
  await panel.setViewportSize({ width: 400, height: 900 });
  return panel;
}

describe('Chromium: the panel home and the record page’s links', () => {
  let session: ChromiumSession;
  let seeded: Seeded;
  let panel: Page;
  const mine = () => panel.getByRole('list', { name: 'My open tickets' });

  beforeAll(async () => {
    session = await launchChromium();
    seeded = await seed(session);
    panel = await homePanel(session);
  });
  afterAll(async () => {
    await session?.close();
  });

  it('with no conversation open, shows my open tickets (stage, contact, age) and what waits on us', async () => {
    await expect.poll(() => mine().locator('li').count(), { timeout: 10_000 }).toBe(3);
    const rows = await mine().locator('li').allTextContents();
    expect(rows.some((r) => r.startsWith('T-0002 Invoice needs a VAT number') && r.includes('Waiting on us'))).toBe(true);
    expect(rows.every((r) => r.includes(ORDER.contactEmail))).toBe(true);
    expect(rows.some((r) => r.includes('Closed'))).toBe(false);
    // New and Waiting on us: what the toolbar badge counts.
    expect(await panel.getByTestId('waiting-on-us').textContent()).toBe('Waiting on us: 2');
    expect(await panel.getByText(`(${ACTOR})`, { exact: false }).count()).toBe(1);
    expect(await panel.getByRole('list', { name: 'Recent tickets' }).locator('li').count()).toBe(4);
    expect(await panel.locator('.empty-state').textContent()).toContain('Gmail, Outlook, Proton Mail, and Fastmail');
    expect(await checkBothSchemes(panel, 'panel-home', SCREENSHOTS)).toEqual([]);
  });

  it('a click on a ticket opens its record page', async () => {
    const [record] = await Promise.all([
      session.context.waitForEvent('page'),
      mine()
        .getByRole('button', { name: /Invoice needs a VAT number/ })
        .click(),
    ]);
    expect(record.url()).toBe(`chrome-extension://${session.extensionId}/record.html?id=${seeded.ticketIds[1]}`);
    await record.close();
  });

  it('on a webmail page with no conversation open, the same queue under a line saying so: the tab’s account’s', async () => {
    const pinned = await session.extensionPage(`sidepanel.html?tab=${seeded.mailTabId}`);
    await pinned.setViewportSize({ width: 400, height: 900 });
    // The panel sees the tab signed in while it shows a conversation; the inbox says no account.
    await expect.poll(() => pinned.getByRole('button', { name: /Ticket name:/ }).count(), { timeout: 10_000 }).toBe(1);
    const mail = session.context.pages().find((p) => p.url().startsWith('https://mail.google.com/'))!;
    await mail.evaluate(() => (location.hash = '#inbox'));
    await expect.poll(() => pinned.getByText('No conversation is open in this tab.').count(), { timeout: 10_000 }).toBe(1);
    expect(await pinned.getByRole('list', { name: 'My open tickets' }).locator('li').count()).toBe(3);
    expect(await pinned.getByText(`Yours: owned by ${ACTOR}, the account open in this tab`).count()).toBe(1);
    expect(await checkBothSchemes(pinned, 'panel-home-nothing-open', SCREENSHOTS)).toEqual([]);
    await pinned.close();
  });

  it('the record page lists the contact’s other tickets, each linking to its record, and links back to the tickets page', async () => {
    const record = await session.extensionPage(`record.html?id=${seeded.ticketIds[0]}`);
    await record.setViewportSize({ width: 1100, height: 900 });
    const theirs = record.getByRole('list', { name: 'Other tickets of this contact' });
    await expect.poll(() => theirs.locator('li').count(), { timeout: 10_000 }).toBe(3);
    expect(await theirs.locator('li').allTextContents()).toEqual(
      expect.arrayContaining([expect.stringMatching(/^T-0004 Refund for order #3920Closed/)]),
    );
    expect(await checkBothSchemes(record, 'record-contact-tickets', SCREENSHOTS)).toEqual([]);
    await theirs.getByRole('link', { name: /Refund for order #3920/ }).click();
    await record.waitForURL(`**/record.html?id=${seeded.ticketIds[3]}`);
    await expect.poll(() => theirs.getByRole('link', { name: /Order #4411/ }).count()).toBe(1);
    await record.getByRole('link', { name: /All tickets/ }).click();
    await record.waitForURL('**/tickets.html');
    // A ticket that is gone (deleted, or a stale link) still leads back to the desk.
    const gone = await session.extensionPage('record.html?id=no-such-ticket');
    await gone.getByRole('link', { name: /All tickets/ }).click();
    await gone.waitForURL('**/tickets.html');
  });
});

describe('Chromium in Polish: the panel home and the record page', () => {
  let session: ChromiumSession;
  let seeded: Seeded;

  beforeAll(async () => {
    session = await launchChromium({ lang: 'pl' });
    seeded = await seed(session);
  });
  afterAll(async () => {
    await session?.close();
  });

  it('reads in Polish, light and dark, with no serious accessibility finding', async () => {
    const panel = await homePanel(session);
    const mine = panel.getByRole('list', { name: 'Moje otwarte zgłoszenia' });
    await expect.poll(() => mine.locator('li').count(), { timeout: 10_000 }).toBe(3);
    expect(await panel.getByTestId('waiting-on-us').textContent()).toBe('Czeka na nas: 2');
    expect(await checkBothSchemes(panel, 'pl-panel-home', SCREENSHOTS)).toEqual([]);
    const record = await session.extensionPage(`record.html?id=${seeded.ticketIds[0]}`);
    await record.setViewportSize({ width: 1100, height: 900 });
    await expect
      .poll(() => record.getByRole('list', { name: 'Inne zgłoszenia tego kontaktu' }).locator('li').count(), { timeout: 10_000 })
      .toBe(3);
    expect(await record.getByRole('link', { name: /Wszystkie zgłoszenia/ }).count()).toBe(1);
    expect(await checkBothSchemes(record, 'pl-record-contact-tickets', SCREENSHOTS)).toEqual([]);
  });
});
