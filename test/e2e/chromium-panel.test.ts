import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkBothSchemes } from './support/axe';
import { launchChromium, type ChromiumSession } from './support/chromium';
import { readTable, requestId, send, waitUntil } from './support/extension-page';
import { fixture, SCREENSHOTS } from './support/paths';
import { GMAIL_SPEC } from './support/webmail-specs';

const [ORDER, REFUND] = GMAIL_SPEC.conversations;

describe('Chromium: the side panel, the whole agent flow on Gmail', () => {
  let session: ChromiumSession;
  let mail: Page;
  let panel: Page;
  const db = (table: string) => readTable(panel, table);
  const conversation = async (id: string) => (await db('conversations')).find((c) => c.id === id);
  const toast = () => panel.locator('.toast span').first().textContent();
  const ticketCard = () => panel.getByRole('region', { name: 'Ticket', exact: true });

  beforeAll(async () => {
    session = await launchChromium();
    mail = await session.context.newPage();
    await mail.goto(GMAIL_SPEC.listUrl);
    // Both conversations seen once (each stored before the next is opened), then the first one open.
    const ext = await session.extensionPage();
    await GMAIL_SPEC.open(mail, 1);
    await waitUntil(
      () => readTable(ext, 'tabs'),
      (tabs) => tabs[0]?.conversationId === REFUND.id,
    );
    await GMAIL_SPEC.open(mail, 0);
    const [tab] = await waitUntil(
      () => readTable(ext, 'tabs'),
      (tabs) => tabs.length === 1 && tabs[0].conversationId === ORDER.id,
    );
    // A colleague on the team, for the owner rule.
    const settings = await send(ext, 'getSettings', {});
    const added = await send(ext, 'command', {
      type: 'changeSettings',
      requestId: requestId(),
      actor: 'agent',
      rev: settings.ok ? (settings.data.rev ?? 0) : 0,
      change: { kind: 'addMember', name: 'Ola', email: 'ola@sidedesk.test' },
    });
    expect(added.ok).toBe(true);
    await ext.close();
    panel = await session.context.newPage();
    await panel.setViewportSize({ width: 400, height: 820 });
    await panel.goto(`chrome-extension://${session.extensionId}/sidepanel.html?tab=${tab.tabId}`);
  });
  afterAll(async () => {
    await session?.close();
  });

  it('creates a ticket from the form, named after the subject', async () => {
    const name = panel.getByLabel('Ticket name');
    await expect.poll(() => name.inputValue(), { timeout: 10_000 }).toBe(ORDER.subject);
    expect(await checkBothSchemes(panel, 'panel-create', SCREENSHOTS)).toEqual([]);
    await panel.getByLabel('Description').fill('Parcel lost between depots.');
    await panel.getByLabel('Priority').selectOption('high');
    await panel.getByRole('button', { name: 'Create', exact: true }).click();
    await expect.poll(toast).toBe('Ticket T-0001 created.');
    const [ticket] = await db('tickets');
    expect(ticket).toMatchObject({ name: ORDER.subject, description: 'Parcel lost between depots.', priority: 'high', stageId: 'new' });
    expect((await conversation(ORDER.id)).ticketId).toBe(ticket.id);
  });

  it('edits the name in place: leaving the field saves, Enter saves, Escape cancels', async () => {
    await panel.getByRole('button', { name: /Ticket name:/ }).click();
    await panel.keyboard.type('Courier lost');
    await panel.getByRole('heading', { name: 'Contact' }).click(); // somewhere else in the panel
    await expect.poll(async () => (await db('tickets'))[0].name).toBe('Courier lost');
    await panel.getByRole('button', { name: /Ticket name:/ }).click();
    await panel.keyboard.type('Courier lost #4411');
    await panel.keyboard.press('Enter');
    await expect.poll(async () => (await db('tickets'))[0].name).toBe('Courier lost #4411');
    // The focus is back on the name, where the agent was.
    await expect.poll(() => panel.evaluate(() => document.activeElement?.getAttribute('aria-label') ?? '')).toMatch(/^Ticket name: /);
    await panel.getByRole('button', { name: /Ticket name:/ }).click();
    await panel.keyboard.type('never saved');
    await panel.keyboard.press('Escape');
    await panel.waitForTimeout(300);
    expect((await db('tickets'))[0].name).toBe('Courier lost #4411');
  });

  it('the name, edited in place, shows a focus ring when reached by keyboard, in light and dark', async () => {
    const name = ticketCard().getByRole('button', { name: /Ticket name:/ });
    await panel.getByRole('button', { name: /^#T-0001/ }).focus();
    await panel.keyboard.press('Tab');
    await expect.poll(() => name.evaluate((el) => el === document.activeElement)).toBe(true);
    for (const scheme of ['light', 'dark'] as const) {
      await panel.emulateMedia({ colorScheme: scheme });
      const ring = await name.evaluate((el) => {
        const style = getComputedStyle(el);
        return { style: style.outlineStyle, width: style.outlineWidth, color: style.outlineColor };
      });
      expect(ring).toEqual({ style: 'solid', width: '2px', color: scheme === 'light' ? 'rgb(36, 87, 197)' : 'rgb(122, 162, 255)' });
      await ticketCard().screenshot({ path: join(SCREENSHOTS, `panel-name-focus-${scheme}.png`) });
    }
    await panel.emulateMedia({ colorScheme: 'light' });
  });

  it('arrow keys on the stage select only move through the options; Enter applies the one reached, once', async () => {
    const stage = ticketCard().getByLabel('Stage');
    await stage.selectOption('waiting-on-contact');
    await expect.poll(async () => (await db('tickets'))[0].stageId).toBe('waiting-on-contact');
    // The panel shows what was stored before the keys are pressed: a stored value that arrives
    // later is a change made elsewhere, which drops an option held against the old one.
    await expect.poll(() => stage.getAttribute('data-waiting')).toBe('true');
    const stageChanges = async () => (await db('timeline')).filter((e) => e.field === 'stageId').length;
    const before = { ticket: (await db('tickets'))[0], timeline: (await db('timeline')).length };
    // Down, Down, Up passes through Closed, whose cascade would close the conversation.
    await stage.focus();
    await panel.keyboard.press('ArrowDown');
    await panel.keyboard.press('ArrowDown');
    await panel.keyboard.press('ArrowUp');
    await expect.poll(() => stage.inputValue()).toBe('waiting-on-us');
    await expect.poll(() => ticketCard().getByRole('status').first().textContent()).toBe('Enter to apply · Esc to cancel');
    expect((await db('tickets'))[0]).toEqual(before.ticket);
    expect((await db('timeline')).length).toBe(before.timeline);
    expect((await conversation(ORDER.id)).state).toBe('open');
    const changes = await stageChanges();
    await panel.keyboard.press('Enter');
    await expect.poll(async () => (await db('tickets'))[0].stageId).toBe('waiting-on-us');
    await expect.poll(stageChanges).toBe(changes + 1);
    expect((await conversation(ORDER.id)).state).toBe('open');
    expect((await db('tickets'))[0].rev).toBe(before.ticket.rev + 1);
    // A pick (what a mouse does in the open list) applies at once.
    await stage.selectOption('new');
    await expect.poll(async () => (await db('tickets'))[0].stageId).toBe('new');
    // ...and the panel has it (the next edit is made on the stored revision, or it is a conflict).
    await expect.poll(() => stage.getAttribute('data-waiting')).toBe('false');
  });

  it('closing the ticket closes its lone conversation, says so, and Undo reopens both', async () => {
    await panel.getByLabel('Stage').selectOption('closed');
    await expect.poll(toast).toBe('Ticket closed, and its conversations (1).');
    expect((await conversation(ORDER.id)).state).toBe('closed');
    expect(await checkBothSchemes(panel, 'panel-ticket-closed', SCREENSHOTS)).toEqual([]);
    await panel.getByRole('button', { name: 'Undo' }).click();
    await expect.poll(async () => (await conversation(ORDER.id)).state).toBe('open');
    expect((await db('tickets'))[0].stageId).toBe('new');
  });

  it('a toast fades on its own, and goes with its ticket when the panel follows the tab elsewhere', async () => {
    const undo = panel.getByRole('button', { name: 'Undo' });
    // The pointer is still where the last Undo was: a toast under it waits, so move it away.
    await panel.mouse.move(200, 100);
    await ticketCard().getByLabel('Stage').selectOption('waiting-on-us');
    await expect.poll(toast).toBe('Stage: Waiting on us.');
    // Long enough to use, then gone without a click.
    expect(await undo.count()).toBe(1);
    await expect.poll(() => panel.locator('.toast').count(), { timeout: 15_000 }).toBe(0);
    await ticketCard().getByLabel('Stage').selectOption('waiting-on-contact');
    await expect.poll(toast).toBe('Stage: Waiting on contact.');
    await GMAIL_SPEC.open(mail, 1);
    await expect.poll(() => panel.getByLabel('Ticket name').inputValue(), { timeout: 10_000 }).toBe(REFUND.subject);
    // No Undo for a ticket the panel no longer shows.
    expect(await panel.locator('.toast').count()).toBe(0);
    expect(await undo.count()).toBe(0);
    await GMAIL_SPEC.open(mail, 0);
    await ticketCard()
      .getByRole('button', { name: /Ticket name:/ })
      .waitFor();
    expect(await panel.locator('.toast').count()).toBe(0);
  });

  it('the panel follows the tab to the next conversation, which joins the ticket through the picker', async () => {
    await GMAIL_SPEC.open(mail, 1);
    await expect.poll(() => panel.getByLabel('Ticket name').inputValue(), { timeout: 10_000 }).toBe(REFUND.subject);
    await panel.getByRole('button', { name: 'Add to an existing ticket' }).click();
    // The picker opens ready to type in.
    await expect
      .poll(() => panel.evaluate(() => document.activeElement?.getAttribute('aria-label')))
      .toBe('Search tickets by name, number or contact');
    // By keyboard alone, and by the contact's address: the arrow keys move, Enter picks.
    await panel.keyboard.type(ORDER.contactEmail.slice(0, 6));
    const option = panel.getByRole('option', { name: /T-0001 Courier lost #4411/ });
    await option.waitFor();
    await panel.keyboard.press('ArrowDown');
    await panel.keyboard.press('ArrowUp');
    await expect.poll(() => option.getAttribute('aria-selected')).toBe('true');
    const search = panel.getByRole('combobox', { name: 'Search tickets by name, number or contact' });
    await expect.poll(() => search.getAttribute('aria-activedescendant')).toBe(await option.getAttribute('id'));
    expect(await checkBothSchemes(panel, 'panel-ticket-picker', SCREENSHOTS)).toEqual([]);
    await panel.keyboard.press('Enter');
    await expect.poll(async () => (await conversation(REFUND.id)).ticketId).toBe((await db('tickets'))[0].id);
    // The focus lands on the ticket it joined, never on the page's body.
    await expect.poll(() => panel.evaluate(() => document.activeElement?.textContent)).toBe('#T-0001');
    // Stored is not yet shown: the panel swaps the create form (which has its own Stage select) for
    // the ticket card when its live query fires. The next step acts on the card, as an agent would.
    await ticketCard()
      .getByRole('button', { name: /Ticket name: Courier lost #4411/ })
      .waitFor();
  });

  it('closing a ticket with two conversations closes both; reopening reopens neither (no Undo offered)', async () => {
    await ticketCard().getByLabel('Stage').selectOption('closed');
    await expect.poll(toast).toBe('Ticket closed, and its conversations (2).');
    expect(await panel.getByRole('button', { name: 'Undo' }).count()).toBe(0);
    expect([(await conversation(ORDER.id)).state, (await conversation(REFUND.id)).state]).toEqual(['closed', 'closed']);
    await panel.getByLabel('Stage').selectOption('waiting-on-us');
    await expect.poll(toast).toBe('Stage: Waiting on us.');
    expect([(await conversation(ORDER.id)).state, (await conversation(REFUND.id)).state]).toEqual(['closed', 'closed']);
  });

  it('changing the conversation owner moves the ticket owner too (rule 2)', async () => {
    await panel.getByLabel('Conversation owner').selectOption('ola@sidedesk.test');
    await expect.poll(toast).toBe('Owner changed; the ticket owner followed.');
    expect((await db('tickets'))[0].ownerId).toBe('ola@sidedesk.test');
    expect((await conversation(ORDER.id)).ownerId).toBe('agent@sidedesk.test');
  });

  it('a change made in another context (the record page) appears in the panel at once', async () => {
    const [ticket] = await db('tickets');
    const record = await session.extensionPage(`record.html?id=${ticket.id}`);
    await record.waitForSelector('.record-title');
    await record.getByLabel('Priority').selectOption('low');
    await expect.poll(() => panel.getByLabel('Priority').inputValue(), { timeout: 5000 }).toBe('low');
    await record.getByLabel('Priority').selectOption('high');
    await expect.poll(() => panel.getByLabel('Priority').inputValue(), { timeout: 5000 }).toBe('high');
    await record.close();
  });

  it('View more shows the chosen properties in the chosen order; Edit displayed properties changes both', async () => {
    await panel.getByRole('button', { name: 'View more ›' }).click();
    const shown = () => panel.locator('.details [data-property]').evaluateAll((els) => els.map((e) => e.getAttribute('data-property')));
    expect(await shown()).toEqual(['description', 'category', 'source', 'contactEmail', 'updatedAt', 'closedAt']);
    expect(await panel.locator('.details [data-property="description"] dd').textContent()).toBe('Parcel lost between depots.');
    await panel.getByRole('button', { name: 'Edit displayed properties' }).click();
    await panel.getByRole('checkbox', { name: 'Category' }).uncheck();
    await panel.getByRole('checkbox', { name: 'Priority' }).check();
    for (let i = 0; i < 5; i++) await panel.getByRole('button', { name: 'Move Priority up' }).click();
    expect(await checkBothSchemes(panel, 'panel-edit-displayed', SCREENSHOTS)).toEqual([]);
    await panel.getByRole('button', { name: 'Save' }).click();
    await expect.poll(toast).toBe('Displayed properties saved.');
    await expect.poll(shown).toEqual(['priority', 'description', 'source', 'contactEmail', 'updatedAt', 'closedAt']);
    const [settings] = await db('settings');
    expect(settings.value.displayedProperties).toEqual(['priority', 'description', 'source', 'contactEmail', 'updatedAt', 'closedAt']);
    expect(await checkBothSchemes(panel, 'panel-details', SCREENSHOTS)).toEqual([]);
    await panel.getByRole('button', { name: 'View less' }).click();
  });

  it('Move to trash names exactly what goes, and Undo restores the whole group', async () => {
    // The confirmation takes the focus (on Cancel), Escape closes it, and the focus goes back.
    await panel.getByRole('button', { name: 'Move to trash' }).click();
    await expect.poll(() => panel.evaluate(() => document.activeElement?.textContent)).toBe('Cancel');
    await panel.keyboard.press('Escape');
    expect(await panel.getByRole('alertdialog').count()).toBe(0);
    await expect.poll(() => panel.evaluate(() => document.activeElement?.textContent)).toBe('Move to trash');
    await panel.keyboard.press('Enter');
    expect(await panel.getByRole('alertdialog').textContent()).toContain('This ticket and its conversations (2) will go to the trash.');
    expect(await checkBothSchemes(panel, 'panel-trash-confirm', SCREENSHOTS)).toEqual([]);
    await panel.getByRole('alertdialog').getByRole('button', { name: 'Move to trash' }).click();
    await expect.poll(toast).toBe('Moved to trash: the ticket and its conversations (2).');
    expect(await db('tickets')).toEqual([]);
    expect((await db('trash')).length).toBe(1);
    // The panel says where the ticket went, with Restore, not that no conversation is open.
    const inTrash = panel.getByRole('region', { name: 'In the trash' });
    await expect
      .poll(() => inTrash.textContent())
      .toContain('Ticket T-0001 “Courier lost #4411” is in the trash, with its conversations (2).');
    expect(await inTrash.getByRole('button', { name: 'Restore' }).count()).toBe(1);
    expect(await panel.getByText('No conversation is open in this tab.').count()).toBe(0);
    // The focus did not fall to the page's body with the confirmation.
    expect(await panel.evaluate(() => document.activeElement?.textContent)).toBe('In the trash');
    expect(await checkBothSchemes(panel, 'panel-in-trash', SCREENSHOTS)).toEqual([]);
    await panel.getByRole('button', { name: 'Undo' }).click();
    await expect.poll(async () => (await db('tickets')).length).toBe(1);
    expect((await conversation(ORDER.id)).ticketId).toBe((await db('tickets'))[0].id);
    expect(await db('trash')).toEqual([]);
    await expect.poll(() => panel.getByRole('button', { name: /Ticket name:/ }).textContent()).toContain('Courier lost #4411');
    expect(await checkBothSchemes(panel, 'panel-ticket', SCREENSHOTS)).toEqual([]);
    // Again, and back with the panel's own Restore (the toast gone meanwhile).
    await panel.getByRole('button', { name: 'Move to trash' }).click();
    await panel.getByRole('alertdialog').getByRole('button', { name: 'Move to trash' }).click();
    await panel.getByRole('button', { name: 'Dismiss' }).click();
    await inTrash.getByRole('button', { name: 'Restore' }).click();
    await expect.poll(() => panel.getByRole('button', { name: /Ticket name:/ }).count()).toBe(1);
    await expect.poll(toast).toBe('Restored from the trash.');
    expect(await db('trash')).toEqual([]);
  });

  it('when its tab leaves the webmail for another site, the panel shows no conversation; back in the webmail, the ticket again', async () => {
    await mail.route('https://example.org/**', (route) =>
      route.fulfill({ contentType: 'text/html', body: '<title>Elsewhere</title><p>Another site</p>' }),
    );
    await mail.goto('https://example.org/');
    await expect
      .poll(() => panel.locator('.empty-state h2').textContent(), { timeout: 10_000 })
      .toBe('Open a conversation in your webmail');
    await mail.goBack();
    await expect.poll(() => panel.getByRole('button', { name: /Ticket name:/ }).count(), { timeout: 10_000 }).toBe(1);
  });

  it('light and dark, and the state with no webmail tab', async () => {
    await panel.emulateMedia({ colorScheme: 'dark' });
    const background = await panel.evaluate(() => getComputedStyle(document.body).backgroundColor);
    expect(background).not.toBe('rgb(255, 255, 255)');
    // Not pinned: it follows the active tab, which is the panel page itself, not a webmail.
    const loose = await session.extensionPage('sidepanel.html');
    await loose.setViewportSize({ width: 400, height: 600 });
    await expect.poll(() => loose.locator('.empty-state h2').textContent()).toBe('Open a conversation in your webmail');
    expect(await loose.getByRole('list', { name: 'Recent tickets' }).locator('li').count()).toBe(1);
    expect(await checkBothSchemes(loose, 'panel-no-webmail', SCREENSHOTS)).toEqual([]);
  });
});

describe('Chromium: the panel on a page Sidedesk cannot read', () => {
  let session: ChromiumSession;
  beforeAll(async () => {
    session = await launchChromium();
  });
  afterAll(async () => {
    await session?.close();
  });

  it('says so, with the reader’s reason, once the late-paint window has passed', async () => {
    const mail = await session.context.newPage();
    await mail.route('https://mail.google.com/**', (route) =>
      route.fulfill({ contentType: 'text/html; charset=utf-8', body: fixture('gmail/unknown-layout.html') }),
    );
    // On a list the content script does not run; the layout is found unreadable once the agent
    // opens a conversation, when it matters.
    await mail.goto('https://mail.google.com/mail/u/0/#inbox/19a367a0e0052e6b');
    const ext = await session.extensionPage();
    const [tab] = await waitUntil(
      () => readTable(ext, 'tabs'),
      (tabs) => tabs[0]?.health.status === 'unreadable',
      10_000,
    );
    const panel = await session.extensionPage(`sidepanel.html?tab=${tab.tabId}`);
    await panel.setViewportSize({ width: 400, height: 500 });
    await panel.waitForSelector('.notice');
    expect(await panel.locator('.notice h2').textContent()).toBe("Sidedesk can't read this Gmail layout");
    expect(await panel.locator('.notice').textContent()).toContain("names a conversation Sidedesk can't find on the page");
    // It promises only what holds on such a page: the context menu needs a conversation it can read.
    expect(await panel.locator('.notice').textContent()).toContain('reads the page again whenever it changes');
    expect(await checkBothSchemes(panel, 'panel-unreadable', SCREENSHOTS)).toEqual([]);
  });
});
