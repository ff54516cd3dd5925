import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { launchChromium, type ChromiumSession } from './support/chromium';
import { readTable, requestId, send, waitUntil } from './support/extension-page';
import { GMAIL_SPEC } from './support/webmail-specs';

const actor = 'agent@sidedesk.test';
const anna = { email: 'anna.kowalska@klient.pl', name: 'Anna Kowalska' };
const observation = (threadId: string) => ({
  provider: 'gmail',
  account: actor,
  threadId,
  subject: `Follow-up ${threadId}`,
  url: null,
  contact: anna,
  participants: [anna],
  messageCount: 1,
  lastMessageAt: null,
});

describe('Chromium: the toolbar badge and follow notifications', () => {
  let session: ChromiumSession;
  let ext: Page;
  const badge = () => ext.evaluate(() => (globalThis as any).chrome.action.getBadgeText({}));
  const notifications = () => ext.evaluate(async () => Object.keys(await (globalThis as any).chrome.notifications.getAll()).length);
  beforeAll(async () => {
    session = await launchChromium();
    const mail = await session.context.newPage();
    await mail.goto(`${GMAIL_SPEC.listUrl}/19a367a0e0052e6b`);
    ext = await session.extensionPage();
    await waitUntil(
      () => readTable(ext, 'tabs'),
      (tabs) => tabs[0]?.conversationId === GMAIL_SPEC.conversations[0].id,
    );
  });
  afterAll(async () => {
    await session?.close();
  });

  it('counts the tickets waiting on us, kept current as tickets are created and closed', async () => {
    expect(await badge()).toBe('');
    const a = await send(ext, 'command', {
      type: 'createTicket',
      requestId: requestId(),
      actor,
      conversationId: GMAIL_SPEC.conversations[0].id,
      draft: {},
    });
    await send(ext, 'command', {
      type: 'observe',
      requestId: requestId(),
      actor,
      observation: { ...observation('b1'), contact: null, participants: [] },
    });
    await send(ext, 'command', { type: 'createTicket', requestId: requestId(), actor, conversationId: `gmail:${actor}:b1`, draft: {} });
    await expect.poll(badge).toBe('2');
    await send(ext, 'command', {
      type: 'setTicketStage',
      requestId: requestId(),
      actor,
      ticketId: a.ok ? a.data.ticket.id : '',
      rev: 1,
      stageId: 'closed',
    });
    await expect.poll(badge).toBe('1');
  });

  it('a followed contact: a new conversation and a stage change notify; switched off in settings, nothing', async () => {
    expect(
      (await send(ext, 'command', { type: 'followContact', requestId: requestId(), actor, email: anna.email, followed: true })).ok,
    ).toBe(true);
    const before = await notifications();
    await send(ext, 'command', { type: 'observe', requestId: requestId(), actor, observation: observation('f1') });
    await expect.poll(notifications).toBe(before + 1);
    const created = await send(ext, 'command', {
      type: 'createTicket',
      requestId: requestId(),
      actor,
      conversationId: `gmail:${actor}:f1`,
      draft: {},
    });
    const ticket = created.ok ? created.data.ticket : null;
    await send(ext, 'command', {
      type: 'setTicketStage',
      requestId: requestId(),
      actor,
      ticketId: ticket.id,
      rev: 1,
      stageId: 'waiting-on-us',
    });
    await expect.poll(notifications).toBe(before + 2);

    await ext.reload();
    await ext.getByRole('checkbox', { name: 'Notify me about followed contacts' }).uncheck();
    await expect.poll(async () => (await readTable(ext, 'settings'))[0].value.notifications).toBe(false);
    await send(ext, 'command', { type: 'setTicketStage', requestId: requestId(), actor, ticketId: ticket.id, rev: 2, stageId: 'new' });
    await send(ext, 'command', { type: 'observe', requestId: requestId(), actor, observation: observation('f2') });
    await new Promise((r) => setTimeout(r, 500));
    expect(await notifications()).toBe(before + 2);
  });
});
