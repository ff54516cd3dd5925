import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seriousViolations } from './support/axe';
import { launchChromium, type ChromiumSession } from './support/chromium';
import { readTable, requestId, send } from './support/extension-page';
import { SCREENSHOTS } from './support/paths';

const ACTOR = 'agent@sidedesk.test';
const JAN = 'jan.nowak@sidedesk.test';

async function command<T = any>(ext: Page, body: Record<string, unknown>): Promise<T> {
  const reply = await send<T>(ext, 'command', { requestId: requestId(), actor: ACTOR, ...body });
  if (!reply.ok) throw new Error(`${String(body.type)} refused: ${reply.error.message}`);
  return reply.data;
}

/** A conversation of the agent's mailbox, as the content script reports it, and its ticket. */
async function ticketFor(
  ext: Page,
  threadId: string,
  subject: string,
  contact = { email: 'anna.kowalska@klient.pl', name: 'Anna Kowalska' },
) {
  await command(ext, {
    type: 'observe',
    actor: 'content-script',
    observation: {
      provider: 'gmail',
      account: ACTOR,
      threadId,
      subject,
      url: null,
      contact,
      participants: [contact],
      messageCount: 1,
      lastMessageAt: 1_761_850_560_000,
    },
  });
  return (await command(ext, { type: 'createTicket', conversationId: `gmail:${ACTOR}:${threadId}`, draft: {} })).ticket;
}

/** A settings change on the revision stored now, as a page that shows it would send. */
async function settingsChange(ext: Page, change: Record<string, unknown>) {
  const [{ value }] = await readTable(ext, 'settings');
  return command(ext, { type: 'changeSettings', rev: value.rev ?? 0, change });
}

/** The whole page in light and in dark (`<name>-light.png`, `<name>-dark.png`), with axe's serious
 * findings in each. The toast is dismissed first: the screenshot is of the page. */
async function bothSchemes(page: Page, name: string): Promise<string[]> {
  const dismiss = page.locator('.toast button.link').last();
  if (await dismiss.count()) await dismiss.click();
  const found: string[] = [];
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    await page.screenshot({ path: join(SCREENSHOTS, `${name}-${scheme}.png`), fullPage: true });
    for (const v of await seriousViolations(page)) found.push(`${scheme}: ${v.id} (${v.help}) at ${v.nodes.join(', ')}`);
  }
  await page.emulateMedia({ colorScheme: 'light' });
  return found;
}

/** The options page as the agent reaches it: the sections, the team's rows, a pipeline's stages. */
function optionsOf(page: Page) {
  return {
    toast: () => page.locator('.toast span').first().textContent(),
    member: (id: string) => page.locator(`tr[data-member="${id}"]`),
    pipeline: (id: string) => page.locator(`section[data-pipeline="${id}"]`),
    stage: (pipelineId: string, stageId: string) => page.locator(`section[data-pipeline="${pipelineId}"] tr[data-stage="${stageId}"]`),
  };
}

describe('Chromium: the options page', () => {
  let session: ChromiumSession;
  let ext: Page;
  let page: Page;
  let order: { id: string };

  beforeAll(async () => {
    session = await launchChromium();
    ext = await session.extensionPage();
    order = await ticketFor(ext, 'opt1', 'Order #4411 did not arrive');
  });
  afterAll(async () => {
    await session?.close();
  });

  it('opens from the browser as the extension’s options page, in a tab of its own', async () => {
    const [opened] = await Promise.all([
      session.context.waitForEvent('page'),
      ext.evaluate(() => (globalThis as any).chrome.runtime.openOptionsPage()),
    ]);
    await opened.waitForURL(/\/options\.html$/);
    page = opened;
    await page.setViewportSize({ width: 1200, height: 900 });
    await page.locator('#team table').waitFor();
    expect(await page.locator('h2').allTextContents()).toEqual([
      'Team',
      'Pipelines and stages',
      'Properties',
      'Behaviour',
      'Your data',
      'Settings history',
    ]);
    expect(await page.title()).toBe('Sidedesk — Settings');
    // The desk's size, not Chrome's 75% of the default.
    expect(await page.locator('.options').evaluate((el) => getComputedStyle(el).fontSize)).toBe('14px');
  });

  it('adds a member, who can then be given a ticket on the record page', async () => {
    const o = optionsOf(page);
    const form = page.getByRole('form', { name: 'Add a member' });
    await form.getByLabel('Name').fill('Jan Nowak');
    await form.getByLabel('Email address').fill('Jan.Nowak@Sidedesk.test');
    await form.getByLabel('Email address').press('Enter');
    await o.member(JAN).waitFor();
    await expect.poll(o.toast).toBe('Jan Nowak joined the team.');
    expect(await o.member(JAN).textContent()).toContain(JAN);

    const record = await session.extensionPage(`record.html?id=${order.id}`);
    await record.getByLabel('Ticket owner').selectOption(JAN);
    await expect.poll(async () => (await readTable(ext, 'tickets')).find((t) => t.id === order.id)?.ownerId).toBe(JAN);
    await record.close();
  });

  it('renames a stage and adds one: the tickets page’s stage filter and the board show them', async () => {
    const o = optionsOf(page);
    await o.stage('support', 'new').locator('button.inline-text').click();
    await page.keyboard.press('ControlOrMeta+a');
    await page.keyboard.type('Fresh');
    await page.keyboard.press('Enter');
    await expect.poll(o.toast).toBe('Renamed to Fresh.');
    const add = page.getByRole('form', { name: 'Add a stage to Support pipeline' });
    await add.getByLabel('New stage').fill('Escalated');
    await add.getByRole('button', { name: 'Add stage' }).click();
    await o.stage('support', 'escalated').waitFor();
    expect(
      await page
        .locator('section[data-pipeline="support"] tr[data-stage]')
        .evaluateAll((rows) => rows.map((r) => r.getAttribute('data-stage'))),
    ).toEqual(['new', 'waiting-on-contact', 'waiting-on-us', 'escalated', 'closed']);

    const tickets = await session.extensionPage('tickets.html');
    const filter = tickets.locator('select[name="stage"]');
    await filter.waitFor();
    const labels = await filter.locator('option').allTextContents();
    expect(labels).toContain('Fresh');
    expect(labels).toContain('Escalated');
    await tickets.goto(tickets.url().replace(/tickets\.html.*$/, 'tickets.html?mode=board'));
    await tickets.locator('section[data-stage-id="escalated"]').waitFor();
    expect(await tickets.locator('section[data-stage-id="new"] h2').textContent()).toContain('Fresh');
    expect(await tickets.locator('section[data-stage-id] h2').evaluateAll((hs) => hs.length)).toBe(5);
    await tickets.close();
  });

  it('adds a second pipeline and makes it the default: new tickets go there, and the board offers it', async () => {
    const o = optionsOf(page);
    const add = page.getByRole('form', { name: 'Add a pipeline' });
    await add.getByLabel('Pipeline name').fill('Sales');
    await add.getByRole('button', { name: 'Add' }).click();
    await o.pipeline('sales').waitFor();
    await o.pipeline('sales').getByRole('button', { name: 'Make default' }).click();
    await expect.poll(() => o.pipeline('sales').textContent()).toContain('Default for new tickets');
    const [{ value }] = await readTable(ext, 'settings');
    expect(value.defaultPipelineId).toBe('sales');
    const lead = await ticketFor(ext, 'opt2', 'Quote for 40 seats');
    expect(lead.pipelineId).toBe('sales');

    const board = await session.extensionPage('tickets.html?mode=board');
    const pipelines = board.locator('.board-page__pipeline select option');
    await pipelines.first().waitFor({ state: 'attached' });
    expect(await pipelines.allTextContents()).toEqual(['Support pipeline', 'Sales']);
    await board.close();
  });

  it('adds a custom property, which the tickets page shows as a column', async () => {
    const o = optionsOf(page);
    const add = page.getByRole('form', { name: 'Add a property' });
    await add.getByLabel('Property').fill('Plan');
    await add.getByLabel('Type').selectOption('choice');
    await add.getByLabel('Choices, separated by commas').fill('Free, Pro, Team');
    await add.getByRole('button', { name: 'Add' }).click();
    await page.locator('tr[data-property="Plan"]').waitFor();
    await expect.poll(o.toast).toBe('Property Plan added.');
    const [ticket] = (await readTable(ext, 'tickets')).filter((t) => t.id === order.id);
    await command(ext, { type: 'updateTicket', ticketId: ticket.id, rev: ticket.rev, changes: { properties: { Plan: 'Pro' } } });

    const tickets = await session.extensionPage('tickets.html?col=name&col=properties.Plan');
    await tickets.locator('tbody tr').first().waitFor();
    expect(await tickets.locator('thead th').allTextContents()).toContain('Plan');
    const row = tickets.locator('tbody tr', { hasText: 'Order #4411 did not arrive' });
    expect(await row.locator('td').allTextContents()).toContain('Pro');
    await tickets.close();
  });

  it('deactivates a member after giving their open tickets to another, in one step', async () => {
    const o = optionsOf(page);
    await o.member(JAN).getByRole('button', { name: 'Deactivate' }).click();
    const panel = page.locator('.hand-over');
    await expect.poll(() => panel.textContent()).toContain('Jan Nowak has open tickets (1): T-0001 Order #4411 did not arrive.');
    // The choice has the focus: the keyboard picks the new owner and confirms.
    await expect.poll(() => page.evaluate(() => document.activeElement?.tagName)).toBe('SELECT');
    await panel.getByLabel('New owner').selectOption(ACTOR);
    await panel.getByRole('button', { name: 'Give them and deactivate' }).click();
    await expect.poll(() => o.member(JAN).getAttribute('data-active')).toBe('false');
    await expect.poll(o.toast).toBe('Jan Nowak deactivated; their open tickets (1) went to agent.');
    expect((await readTable(ext, 'tickets')).find((t) => t.id === order.id)?.ownerId).toBe(ACTOR);
    const [{ value }] = await readTable(ext, 'settings');
    expect(value.team.find((m: { id: string }) => m.id === JAN)).toMatchObject({ active: false });
    // The history names each change, newest first.
    expect(await page.locator('#history li').first().textContent()).toContain(
      'Member active or inactive: Jan Nowak: active → Jan Nowak: inactive',
    );
  });

  it('marks "me", passes axe with nothing serious, light and dark', async () => {
    const o = optionsOf(page);
    await o.member(ACTOR).getByRole('button', { name: 'This is me' }).click();
    await expect.poll(() => o.member(ACTOR).textContent()).toContain('Me in this browser');
    expect(await bothSchemes(page, 'options')).toEqual([]);
    // A narrow window: one column, the index above, nothing to scroll sideways.
    await page.setViewportSize({ width: 640, height: 900 });
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(640);
    await page.screenshot({ path: join(SCREENSHOTS, 'options-narrow-light.png') });
    await page.setViewportSize({ width: 1200, height: 900 });
  });
});

describe('Chromium in Polish: the options page', () => {
  let session: ChromiumSession;
  beforeAll(async () => {
    session = await launchChromium({ lang: 'pl' });
  });
  afterAll(async () => {
    await session?.close();
  });

  it('speaks Polish, light and dark, with nothing serious for axe', async () => {
    const ext = await session.extensionPage();
    await ticketFor(ext, 'pl1', 'Paczka nie dotarła', { email: 'jan.nowak@sklep.pl', name: 'Jan Nowak' });
    await settingsChange(ext, { kind: 'addMember', name: 'Ola Żółć', email: 'ola@sidedesk.test' });
    await settingsChange(ext, { kind: 'addMember', name: 'Piotr Wiśniewski', email: 'piotr@sidedesk.test' });
    await settingsChange(ext, { kind: 'setMemberActive', memberId: 'piotr@sidedesk.test', active: false });
    await settingsChange(ext, { kind: 'addPipeline', label: 'Sprzedaż' });
    await settingsChange(ext, { kind: 'addStage', pipelineId: 'support', label: 'Eskalacja', state: 'open' });
    await settingsChange(ext, { kind: 'addCustomProperty', name: 'Pakiet', type: 'choice', choices: ['Darmowy', 'Pro'] });
    await command(ext, { type: 'setMe', memberId: ACTOR });

    const page = await session.extensionPage('options.html');
    await page.setViewportSize({ width: 1200, height: 900 });
    await page.locator('#team table').waitFor();
    expect(await page.evaluate(() => document.documentElement.lang)).toMatch(/^pl/);
    expect(await page.locator('h2').allTextContents()).toEqual([
      'Zespół',
      'Potoki i etapy',
      'Właściwości',
      'Działanie',
      'Twoje dane',
      'Historia ustawień',
    ]);
    expect(await page.title()).toBe('Sidedesk — Ustawienia');
    // The built-in stages in the UI language, the agent's own as typed.
    expect(await page.locator('section[data-pipeline="support"] tr[data-stage] td.stage').allTextContents()).toEqual([
      'Nowe✎',
      'Czeka na kontakt✎',
      'Czeka na nas✎',
      'Eskalacja✎',
      'Zamknięte✎',
    ]);
    expect(await page.locator('tr[data-member="piotr@sidedesk.test"]').textContent()).toContain('Nieaktywny');
    await page.locator('tr[data-member="ola@sidedesk.test"]').getByRole('button', { name: 'Dezaktywuj' }).click();
    await expect
      .poll(() => page.locator('.hand-over').textContent())
      .toContain('Dezaktywować: Ola Żółć? Ta osoba nie ma otwartych zgłoszeń.');
    // The question takes the focus (on its confirmation here: no tickets to hand over); Escape closes it.
    await expect.poll(() => page.evaluate(() => !!document.activeElement?.closest('.hand-over'))).toBe(true);
    await page.keyboard.press('Escape');
    await expect.poll(() => page.locator('.hand-over').count()).toBe(0);
    // ...and gives the focus back to the button that opened it.
    // (The focus returns as the question goes, in the same update or the next frame: waited for.)
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.closest('tr')?.getAttribute('data-member')))
      .toBe('ola@sidedesk.test');
    expect(await bothSchemes(page, 'options-pl')).toEqual([]);
  });
});
