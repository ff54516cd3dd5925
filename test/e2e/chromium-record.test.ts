import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkBothSchemes } from './support/axe';
import { launchChromium, type ChromiumSession } from './support/chromium';
import { readTable, requestId, send, waitUntil } from './support/extension-page';
import { SCREENSHOTS } from './support/paths';
import { GMAIL_SPEC } from './support/webmail-specs';

const [ORDER, REFUND] = GMAIL_SPEC.conversations;

describe('Chromium: the ticket record page', () => {
  let session: ChromiumSession;
  let record: Page;
  let ticketId: string;
  const db = (table: string) => readTable(record, table);
  const toast = () => record.locator('.toast span').first().textContent();

  beforeAll(async () => {
    session = await launchChromium();
    const mail = await session.context.newPage();
    await mail.goto(GMAIL_SPEC.listUrl);
    const ext = await session.extensionPage();
    // Each conversation stored before the next is opened, as an agent reading them would.
    for (const which of [1, 0] as const) {
      await GMAIL_SPEC.open(mail, which);
      await waitUntil(
        () => readTable(ext, 'tabs'),
        (tabs) => tabs[0]?.conversationId === GMAIL_SPEC.conversations[which].id,
      );
    }
    const actor = 'agent@sidedesk.test';
    const created = await send(ext, 'command', {
      type: 'createTicket',
      requestId: requestId(),
      actor,
      conversationId: ORDER.id,
      draft: { description: 'Parcel lost.' },
    });
    ticketId = created.ok ? created.data.ticket.id : '';
    await send(ext, 'command', { type: 'addConversationToTicket', requestId: requestId(), actor, conversationId: REFUND.id, ticketId });
    await send(ext, 'command', { type: 'setTicketStage', requestId: requestId(), actor, ticketId, rev: 1, stageId: 'closed' });
    await ext.close();
    record = await session.extensionPage(`record.html?id=${ticketId}`);
  });
  afterAll(async () => {
    await session?.close();
  });

  it('shows the properties, the linked conversations with their webmail links, and a timeline naming each cascade', async () => {
    await expect.poll(() => record.locator('.record-title').textContent(), { timeout: 10_000 }).toContain(ORDER.subject);
    const links = await record.locator('[data-conversation-id] a').evaluateAll((as) => as.map((a) => (a as HTMLAnchorElement).href).sort());
    expect(links).toEqual([
      `https://mail.google.com/mail/u/0/#all/199a4cb2200f2a74`,
      `https://mail.google.com/mail/u/0/#all/19a367a0e0052e6b`,
    ]);
    const because = await record.locator('.timeline [data-rule="close-ticket-closes-conversations"]').allTextContents();
    expect(because).toHaveLength(2);
    for (const text of because)
      expect(text).toMatch(
        /^Conversation “(Order #4411 did not arrive|Refund for #3920)”: open → closed \(because the ticket was closed\)/,
      );
    expect(await record.locator('.timeline [data-field="ticketId"]').allTextContents()).toEqual(
      expect.arrayContaining([
        expect.stringContaining('Conversation linked: “Refund for #3920”'),
        expect.stringContaining('Conversation linked: “Order #4411 did not arrive”'),
      ]),
    );
    expect(await record.locator('.timeline [data-field="stageId"]').first().textContent()).toContain('Stage: New → Closed');
    // Newest first, and within one command each effect above its cause: the creation comes last.
    const fields = await record.locator('.timeline > li').evaluateAll((items) => items.map((li) => li.getAttribute('data-field')));
    expect(fields.at(-1)).toBe('created');
    expect(fields.indexOf('stageId')).toBe(fields.lastIndexOf('state') + 1);
    await record.setViewportSize({ width: 1200, height: 900 });
    expect(await checkBothSchemes(record, 'record', SCREENSHOTS)).toEqual([]);
  });

  it('edits properties in place; the description saves only on Save', async () => {
    await record.getByLabel('Priority').selectOption('urgent');
    await expect.poll(async () => (await db('tickets'))[0].priority).toBe('urgent');
    await record.getByLabel('Description').fill('Parcel lost at the Łódź depot.');
    expect((await db('tickets'))[0].description).toBe('Parcel lost.');
    await record.getByRole('button', { name: 'Save' }).click();
    await expect.poll(async () => (await db('tickets'))[0].description).toBe('Parcel lost at the Łódź depot.');
    await expect.poll(() => record.locator('.timeline [data-field="description"]').count()).toBe(1);
    // An optional property can be set and cleared again (clearing a name is refused instead).
    await record.getByRole('button', { name: /^Category: —/ }).click();
    await record.keyboard.type('Courier');
    await record.keyboard.press('Enter');
    await expect.poll(async () => (await db('tickets'))[0].category).toBe('Courier');
    // Back on the field, by keyboard: its focus ring shows (inline fields had none).
    await expect
      .poll(() => record.evaluate(() => getComputedStyle(document.activeElement!).outlineStyle + ' ' + document.activeElement!.className))
      .toBe('solid inline-text');
    // The owner (whose change moves other owners) is not changed by moving through it.
    const owner = record.getByLabel('Ticket owner');
    const before = (await db('tickets'))[0];
    await owner.focus();
    await record.keyboard.press('ArrowUp'); // to Unassigned
    await expect.poll(() => owner.inputValue()).toBe('');
    expect((await db('tickets'))[0]).toEqual(before);
    await record.keyboard.press('Escape');
    await expect.poll(() => owner.inputValue()).toBe(before.ownerId ?? '');
    await record.getByRole('button', { name: /^Category: Courier/ }).click();
    await record.keyboard.press('Backspace');
    await record.keyboard.press('Enter');
    await expect.poll(async () => (await db('tickets'))[0].category).toBe(null);
    await expect.poll(() => record.getByRole('button', { name: /^Category: —/ }).count()).toBe(1);
    // Free properties: added, edited in place, cleared.
    await record.getByRole('button', { name: '+ Add a property' }).click();
    await record.getByLabel('Property', { exact: true }).fill('Order');
    await record.getByLabel('Value', { exact: true }).fill('4411');
    await record.getByLabel('Value', { exact: true }).press('Enter');
    await expect.poll(async () => (await db('tickets'))[0].properties).toEqual({ Order: '4411' });
    await record.getByRole('button', { name: /^Order: 4411/ }).click();
    await record.keyboard.type('4411-B');
    await record.keyboard.press('Enter');
    await expect.poll(async () => (await db('tickets'))[0].properties).toEqual({ Order: '4411-B' });
    // Adding a property the ticket already has is refused, never a silent replacement.
    await record.getByRole('button', { name: '+ Add a property' }).click();
    await record.getByLabel('Property', { exact: true }).fill('Order');
    await record.getByLabel('Value', { exact: true }).fill('5120');
    await record.getByRole('button', { name: 'Save' }).click();
    await expect
      .poll(() => record.getByRole('alert').textContent())
      .toBe('This ticket already has that property: edit it in the list above.');
    expect((await db('tickets'))[0].properties).toEqual({ Order: '4411-B' });
    await record.getByRole('button', { name: 'Cancel' }).click();
  });

  it('delete warns with exactly what goes, and Undo restores the ticket and both conversations', async () => {
    await record.getByRole('button', { name: 'Delete ticket' }).click();
    expect(await record.getByRole('alertdialog').textContent()).toContain('This ticket and its conversations (2) will go to the trash.');
    await record.getByRole('alertdialog').getByRole('button', { name: 'Delete ticket' }).click();
    await expect.poll(toast).toBe('Deleted: the ticket and its conversations (2).');
    expect(await db('tickets')).toEqual([]);
    expect(await db('conversations')).toEqual([]);
    // The page says where the ticket went, and offers Restore (it does not pretend it never was).
    const inTrash = record.getByRole('region', { name: 'In the trash' });
    await expect.poll(() => inTrash.textContent()).toContain('is in the trash, with its conversations (2).');
    expect(await record.locator('.empty-state').count()).toBe(0);
    expect(await checkBothSchemes(record, 'record-in-trash', SCREENSHOTS)).toEqual([]);
    await record.getByRole('button', { name: 'Undo' }).click();
    await expect.poll(async () => (await db('conversations')).length).toBe(2);
    await expect.poll(() => record.locator('.record-title').textContent()).toContain(ORDER.subject);
    expect(await record.locator('.timeline [data-field="restored"]').count()).toBeGreaterThan(0);
    // Once more, and back with the page's own Restore this time.
    await record.getByRole('button', { name: 'Delete ticket' }).click();
    await record.getByRole('alertdialog').getByRole('button', { name: 'Delete ticket' }).click();
    await inTrash.getByRole('button', { name: 'Restore' }).click();
    await expect.poll(() => record.locator('.record-title').textContent()).toContain(ORDER.subject);
    expect((await db('conversations')).length).toBe(2);
    expect(await db('trash')).toEqual([]);
  });

  it('a description changed elsewhere during an edit: Save says so once and keeps the draft; a second Save stores it on purpose', async () => {
    const [before] = await db('tickets');
    await record.getByLabel('Description').fill('My notes on the depot.');
    const theirs = await send(record, 'command', {
      type: 'updateTicket',
      requestId: requestId(),
      actor: 'ola@sidedesk.test',
      ticketId: before.id,
      rev: before.rev,
      changes: { description: 'Their notes.' },
    });
    expect(theirs.ok).toBe(true);
    await expect.poll(async () => (await db('tickets'))[0].description).toBe('Their notes.');
    await record.getByRole('button', { name: 'Save' }).click();
    await expect
      .poll(() => record.locator('.toast span').first().textContent())
      .toBe('This was changed elsewhere; the latest version is shown. Try again.');
    expect(await record.getByLabel('Description').inputValue()).toBe('My notes on the depot.');
    expect((await db('tickets'))[0].description).toBe('Their notes.');
    await record.getByRole('button', { name: 'Save' }).click();
    await expect.poll(async () => (await db('tickets'))[0].description).toBe('My notes on the depot.');
  });

  it('a name changed elsewhere while it is being edited is not overwritten: the latest is shown, and the page says so', async () => {
    const [before] = await db('tickets');
    await record.getByRole('button', { name: /Ticket name:/ }).click();
    await record.keyboard.type('My version');
    // Meanwhile a colleague's tab renames it.
    const theirs = await send(record, 'command', {
      type: 'updateTicket',
      requestId: requestId(),
      actor: 'ola@sidedesk.test',
      ticketId: before.id,
      rev: before.rev,
      changes: { name: 'Their version' },
    });
    expect(theirs.ok).toBe(true);
    await record.keyboard.press('Enter');
    await expect
      .poll(() => record.locator('.toast span').first().textContent())
      .toBe('This was changed elsewhere; the latest version is shown. Try again.');
    expect((await db('tickets'))[0].name).toBe('Their version');
    await expect.poll(() => record.locator('.record-title').textContent()).toContain('Their version');
  });
});
