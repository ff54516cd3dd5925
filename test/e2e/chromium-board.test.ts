import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkBothSchemes } from './support/axe';
import { launchChromium, type ChromiumSession } from './support/chromium';
import { readTable, requestId, send, waitUntil } from './support/extension-page';
import { SCREENSHOTS } from './support/paths';
import { GMAIL_SPEC } from './support/webmail-specs';

const [ORDER] = GMAIL_SPEC.conversations;
const ACTOR = 'agent@sidedesk.test';
const customers = [
  { email: 'anna.kowalska@klient.pl', name: 'Anna Kowalska', subject: 'Zwrot za zamówienie' },
  { email: 'jan.nowak@sklep.pl', name: 'Jan Nowak', subject: 'Paczka nie dotarła' },
  { email: 'ola@firma.example', name: 'Ola Żółć', subject: 'Invoice 2291 is wrong' },
];

async function command<T = any>(ext: Page, body: Record<string, unknown>): Promise<T> {
  const reply = await send<T>(ext, 'command', { requestId: requestId(), actor: ACTOR, ...body });
  if (!reply.ok) throw new Error(`${String(body.type)} refused: ${reply.error.message}`);
  return reply.data;
}

/** A conversation of the agent's mailbox, reported as the content script would. */
async function observe(ext: Page, threadId: string, who = customers[0]!, subject = who.subject) {
  await command(ext, {
    type: 'observe',
    actor: 'content-script',
    observation: {
      provider: 'gmail',
      account: ACTOR,
      threadId,
      subject,
      url: null,
      contact: { email: who.email, name: who.name },
      participants: [],
      messageCount: 1,
      lastMessageAt: null,
    },
  });
}

/** `count` tickets, each with its own conversation: T-0001 first. */
async function seed(ext: Page, count: number) {
  const made: Array<{ id: string; rev: number }> = [];
  for (let i = 0; i < count; i++) {
    const who = customers[i % customers.length]!;
    await observe(ext, `seed${i}`, who, `${who.subject} ${i}`);
    made.push((await command(ext, { type: 'createTicket', conversationId: `gmail:${ACTOR}:seed${i}`, draft: {} })).ticket);
  }
  return made;
}

/** How the board reads to an agent: the columns, their headers and the cards in them. */
function boardOf(page: Page) {
  const column = (stageId: string) => page.locator(`section[data-stage-id="${stageId}"]`);
  return {
    column,
    head: (stageId: string) => column(stageId).locator('h2').textContent(),
    numbers: async (stageId: string) => column(stageId).locator('.board__number').allTextContents(),
    card: (stageId: string, label: string) => column(stageId).getByRole('listitem').filter({ hasText: label }),
    toast: page.locator('.toast'),
    status: page.locator('.board__status'),
  };
}

// The board over 200+ tickets, in the browser's own IndexedDB, with a ticket of a conversation the
// Gmail fixture showed: moves by keyboard and by mouse go through the desk with their cascade.
describe('Chromium: the board by stage', () => {
  let session: ChromiumSession;
  let ext: Page;
  let order: { id: string };

  beforeAll(async () => {
    session = await launchChromium();
    const mail = await session.context.newPage();
    await mail.goto(`${GMAIL_SPEC.listUrl}/19a367a0e0052e6b`);
    ext = await session.extensionPage();
    await waitUntil(
      () => readTable(ext, 'tabs'),
      (tabs) => tabs[0]?.conversationId === ORDER.id,
    );
    const seeded = await seed(ext, 210);
    // 30 waiting on the contact, 20 on us, 10 closed; 150 new.
    for (const [i, ticket] of seeded.slice(0, 60).entries()) {
      const stageId = i < 30 ? 'waiting-on-contact' : i < 50 ? 'waiting-on-us' : 'closed';
      await command(ext, { type: 'setTicketStage', ticketId: ticket.id, rev: ticket.rev, stageId });
    }
    // The Gmail conversation's ticket, the newest of all, with a second conversation linked.
    order = (await command(ext, { type: 'createTicket', conversationId: ORDER.id, draft: { priority: 'urgent' } })).ticket;
    await observe(ext, 'second', customers[0], 'Order #4411: still nothing');
    await command(ext, { type: 'addConversationToTicket', conversationId: `gmail:${ACTOR}:second`, ticketId: order.id });
    await mail.close();
  });
  afterAll(async () => {
    await session?.close();
  });

  it('shows a column per stage with its count and first cards, loads more as a column is scrolled, and passes axe, light and dark', async () => {
    const page = await session.extensionPage('tickets.html?mode=board');
    const board = boardOf(page);
    await expect.poll(() => board.head('new'), { timeout: 10_000 }).toBe('New: 151');
    expect(await board.head('waiting-on-contact')).toBe('Waiting on contact: 30');
    expect(await board.head('waiting-on-us')).toBe('Waiting on us: 20');
    expect(await board.head('closed')).toBe('Closed: 10');
    expect(await page.getByRole('list', { name: 'New: 151 tickets' }).getByRole('listitem').count()).toBe(25);
    // Newest change first: the Gmail conversation's ticket leads its column.
    expect((await board.numbers('new')).slice(0, 3)).toEqual(['T-0211', 'T-0210', 'T-0209']);
    const top = board.card('new', 'T-0211');
    expect(await top.textContent()).toContain('Order #4411 did not arrive');
    expect(await top.textContent()).toContain('Urgent');
    expect(await top.textContent()).toContain('Anna Kowalska');
    expect(await top.locator('[data-conversations]').getAttribute('data-conversations')).toBe('2/2');
    expect(await top.getByRole('link').getAttribute('href')).toBe(`record.html?id=${encodeURIComponent(order.id)}`);
    // The desk's size, not Chrome's 75% of the default.
    const size = await top.evaluate((li) => parseFloat(getComputedStyle(li).fontSize));
    expect(size).toBeGreaterThanOrEqual(13);
    expect(size).toBeLessThanOrEqual(14);

    expect(await checkBothSchemes(page, 'tickets-board', SCREENSHOTS)).toEqual([]);

    // Scrolling a column to its end brings its next cards.
    await board.column('new').locator('.board__scroll').hover();
    await page.mouse.wheel(0, 20_000);
    await expect.poll(() => board.numbers('new').then((n) => n.length), { timeout: 10_000 }).toBe(50);
    // Reaching the button at a column's end from the keyboard brings the rest too.
    const more = board.column('waiting-on-contact').getByRole('button', { name: 'Show 5 more' });
    await more.focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => board.numbers('waiting-on-contact').then((n) => n.length), { timeout: 10_000 }).toBe(30);
    expect(await more.count()).toBe(0);
    await page.close();
  });

  it('moves a card into Closed from the keyboard: the card says closed, its conversations are closed, the counts follow', async () => {
    const page = await session.extensionPage('tickets.html?mode=board');
    const board = boardOf(page);
    const card = board.card('new', 'T-0211');
    await card.waitFor();
    expect(await card.getAttribute('aria-describedby')).toBe('board-keys');
    expect(await page.locator('#board-keys').textContent()).toContain('Space lifts the focused card');
    await card.focus();
    await page.keyboard.press('Space');
    await expect.poll(() => board.status.textContent()).toContain('Lifted T-0211 from New.');
    for (let i = 0; i < 3; i++) await page.keyboard.press('ArrowRight');
    await expect.poll(() => board.status.textContent()).toBe('T-0211 over Closed: Space drops it here.');
    await page.screenshot({ path: join(SCREENSHOTS, 'tickets-board-lifted-light.png') });
    await page.keyboard.press('Space');

    const moved = board.card('closed', 'T-0211');
    await moved.waitFor();
    await expect.poll(() => board.toast.textContent()).toContain('Ticket closed, and its conversations (2).');
    // Reopening would not reopen two conversations: no Undo that could not restore exactly.
    expect(await board.toast.getByRole('button', { name: 'Undo' }).count()).toBe(0);
    expect(await moved.locator('[data-conversations]').getAttribute('data-conversations')).toBe('0/2');
    expect(await moved.locator('.board__age').textContent()).toMatch(/^Closed /);
    await expect.poll(() => board.head('closed')).toBe('Closed: 11');
    expect(await board.head('new')).toBe('New: 150');
    // The focus went with the card.
    expect(await moved.evaluate((li) => li === document.activeElement)).toBe(true);
    const conversations = (await readTable(ext, 'conversations')).filter((c) => c.ticketId === order.id);
    expect(conversations.map((c) => c.state)).toEqual(['closed', 'closed']);
    expect((await readTable(ext, 'tickets')).find((t) => t.id === order.id)?.stageId).toBe('closed');
    await page.close();
  });

  it('moves a card into Closed with the mouse, and Undo puts it back with its conversation open', async () => {
    const page = await session.extensionPage('tickets.html?mode=board');
    const board = boardOf(page);
    const card = board.card('new', 'T-0210');
    await card.waitFor();
    const ticketId = (await readTable(ext, 'tickets')).find((t) => t.number === 210)!.id;
    await card.dragTo(board.column('closed'));
    await board.card('closed', 'T-0210').waitFor();
    await expect.poll(() => board.toast.textContent()).toContain('Ticket closed, and its conversations (1).');
    await expect.poll(() => board.head('closed')).toBe('Closed: 12');
    expect(await board.head('new')).toBe('New: 149');
    expect((await readTable(ext, 'conversations')).filter((c) => c.ticketId === ticketId).map((c) => c.state)).toEqual(['closed']);

    await board.toast.getByRole('button', { name: 'Undo' }).click();
    await board.card('new', 'T-0210').waitFor();
    await expect.poll(() => board.head('closed')).toBe('Closed: 11');
    expect(await board.head('new')).toBe('New: 150');
    await expect
      .poll(async () => (await readTable(ext, 'conversations')).filter((c) => c.ticketId === ticketId).map((c) => c.state))
      .toEqual(['open']);
    await page.close();
  });

  it('applies the search and the filters to every column', async () => {
    const page = await session.extensionPage('tickets.html?mode=board&q=zolc');
    const board = boardOf(page);
    // Ola Żółć is every third customer: 70 tickets, in each column by their stage.
    await expect.poll(() => board.head('new'), { timeout: 10_000 }).toBe('New: 50');
    expect(await board.head('waiting-on-contact')).toBe('Waiting on contact: 10');
    expect(await board.head('waiting-on-us')).toBe('Waiting on us: 6');
    expect(await board.head('closed')).toBe('Closed: 4');
    // A stage filter keeps its columns only; the urgent closed ticket is the one moved above.
    await page.goto(page.url().replace('q=zolc', 'stage=closed&priority=urgent'));
    await expect.poll(() => page.locator('section h2').allTextContents(), { timeout: 10_000 }).toEqual(['Closed: 1']);
    expect(await board.numbers('closed')).toEqual(['T-0211']);
    await page.close();
  });
});

describe('Chromium in Polish: the board by stage', () => {
  let session: ChromiumSession;
  beforeAll(async () => {
    session = await launchChromium({ lang: 'pl' });
  });
  afterAll(async () => {
    await session?.close();
  });

  it('names its columns and cards in Polish, light and dark, with nothing serious for axe', async () => {
    const ext = await session.extensionPage();
    const made = await seed(ext, 8);
    await command(ext, { type: 'setTicketStage', ticketId: made[0]!.id, rev: made[0]!.rev, stageId: 'closed' });
    await command(ext, { type: 'setTicketStage', ticketId: made[1]!.id, rev: made[1]!.rev, stageId: 'waiting-on-us' });
    const page = await session.extensionPage('tickets.html?mode=board');
    const board = boardOf(page);
    await expect
      .poll(() => page.locator('section h2').allTextContents(), { timeout: 10_000 })
      .toEqual(['Nowe: 6', 'Czeka na kontakt: 0', 'Czeka na nas: 1', 'Zamknięte: 1']);
    expect(await board.card('closed', 'T-0001').textContent()).toContain('Zamknięto: ');
    expect(await page.locator('#board-keys').textContent()).toContain('spacja podnosi');
    expect(await checkBothSchemes(page, 'tickets-board-pl', SCREENSHOTS)).toEqual([]);
    await ext.close();
    await page.close();
  });
});
