import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkBothSchemes } from './support/axe';
import { launchChromium, type ChromiumSession } from './support/chromium';
import { readTable, requestId, send, waitUntil } from './support/extension-page';
import { SCREENSHOTS } from './support/paths';
import { GMAIL_SPEC } from './support/webmail-specs';

const [ORDER] = GMAIL_SPEC.conversations;

describe('Chromium: the quick-status popup', () => {
  let session: ChromiumSession;
  beforeAll(async () => {
    session = await launchChromium();
  });
  afterAll(async () => {
    await session?.close();
  });

  it('changes the current ticket’s stage (closing its conversation), lists 10 recent open tickets, all by keyboard', async () => {
    const mail = await session.context.newPage();
    await mail.goto(`${GMAIL_SPEC.listUrl}/19a367a0e0052e6b`);
    const ext = await session.extensionPage();
    const [tab] = await waitUntil(
      () => readTable(ext, 'tabs'),
      (tabs) => tabs[0]?.conversationId === ORDER.id,
    );
    const actor = 'agent@sidedesk.test';
    await send(ext, 'command', { type: 'createTicket', requestId: requestId(), actor, conversationId: ORDER.id, draft: {} });
    // Twelve more tickets, one of them closed: the list shows the 10 most recent open ones.
    for (let n = 0; n < 12; n++) {
      await send(ext, 'command', {
        type: 'observe',
        requestId: requestId(),
        actor,
        observation: {
          provider: 'gmail',
          account: actor,
          threadId: `popup${n}`,
          subject: `Sample ${n}`,
          url: null,
          contact: null,
          participants: [],
          messageCount: 1,
          lastMessageAt: null,
        },
      });
      const c = await send(ext, 'command', {
        type: 'createTicket',
        requestId: requestId(),
        actor,
        conversationId: `gmail:${actor}:popup${n}`,
        draft: {},
      });
      if (n === 11 && c.ok)
        await send(ext, 'command', {
          type: 'setTicketStage',
          requestId: requestId(),
          actor,
          ticketId: c.data.ticket.id,
          rev: 1,
          stageId: 'closed',
        });
    }
    const popup = await session.extensionPage(`popup.html?tab=${tab.tabId}`);
    await popup.setViewportSize({ width: 360, height: 560 });
    await popup.waitForSelector('#current-stage');
    const names = await popup.locator('.popup-list li .link').allTextContents();
    expect(names).toHaveLength(10);
    expect(names[0]).toBe('T-0012 Sample 10');
    expect(names.some((n) => n.includes(ORDER.subject) || n.includes('Sample 11'))).toBe(false);
    expect(await checkBothSchemes(popup, 'popup', SCREENSHOTS)).toEqual([]);

    // Keyboard only: Tab from the top reaches the current ticket's stage; a key moves through the
    // stages without applying any, and Enter applies the one reached.
    await popup.locator('body').focus();
    for (let i = 0; i < 6 && (await popup.evaluate(() => document.activeElement?.id)) !== 'current-stage'; i++)
      await popup.keyboard.press('Tab');
    expect(await popup.evaluate(() => document.activeElement?.id)).toBe('current-stage');
    await popup.keyboard.press('End'); // the last stage, Closed, without opening the list
    await expect.poll(() => popup.locator('#current-stage').inputValue()).toBe('closed');
    expect((await readTable(ext, 'conversations')).find((c) => c.id === ORDER.id).state).toBe('open');
    await popup.keyboard.press('Enter');
    await expect.poll(() => popup.locator('.toast span').first().textContent()).toBe('Ticket closed, and its conversations (1).');
    expect((await readTable(ext, 'conversations')).find((c) => c.id === ORDER.id).state).toBe('closed');
    await expect.poll(() => popup.locator('#current-stage').inputValue()).toBe('closed');

    // A recent ticket with its one conversation: closing it offers Undo, which reopens both.
    await popup.locator('.popup-list li').first().locator('select').selectOption('closed');
    await expect.poll(() => popup.locator('.toast span').first().textContent()).toBe('Ticket closed, and its conversations (1).');
    await popup.getByRole('button', { name: 'Undo' }).click();
    await expect
      .poll(async () => (await readTable(ext, 'conversations')).find((c) => c.id === `gmail:${actor}:popup10`).state)
      .toBe('open');
  });
});
