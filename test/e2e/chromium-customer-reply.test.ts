import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { launchChromium, type ChromiumSession } from './support/chromium';
import { chipText } from './support/closed-chip';
import { readTable, requestId, send, waitUntil } from './support/extension-page';
import { GMAIL_SPEC } from './support/webmail-specs';

// The customer writes again on a closed ticket: the reply appears in the open Gmail thread, the
// content script reads it from the message headers, and the background reopens the conversation
// and its ticket, saying why.
describe('Chromium: the customer writing again reopens a closed ticket', () => {
  let session: ChromiumSession;
  let mail: Page;
  let ext: Page;
  const conversation = GMAIL_SPEC.conversations[0];
  beforeAll(async () => {
    session = await launchChromium();
    mail = await session.context.newPage();
    await mail.goto(`${GMAIL_SPEC.listUrl}/19a367a0e0052e6b`);
    ext = await session.extensionPage();
    await waitUntil(
      () => readTable(ext, 'tabs'),
      (tabs) => tabs[0]?.conversationId === conversation.id,
    );
  });
  afterAll(async () => {
    await session?.close();
  });

  it('a newer message from the customer reopens the conversation and the ticket into Waiting on us', async () => {
    const created = await send(ext, 'command', {
      type: 'createTicket',
      requestId: requestId(),
      actor: 'agent',
      conversationId: conversation.id,
      draft: {},
    });
    expect(created.ok).toBe(true);
    const ticket = created.ok ? created.data.ticket : null;
    const closed = await send(ext, 'command', {
      type: 'setTicketStage',
      requestId: requestId(),
      actor: 'agent',
      ticketId: ticket.id,
      rev: ticket.rev,
      stageId: 'closed',
    });
    expect(closed.ok).toBe(true);
    await expect.poll(() => chipText(mail), { timeout: 10_000 }).toContain('Closed');

    // Anna's reply arrives: Gmail adds a message whose id carries a later time.
    await mail.evaluate(() => {
      const first = document.querySelector('div.adn[data-legacy-message-id]')!;
      const reply = first.cloneNode(true) as HTMLElement;
      reply.setAttribute('data-legacy-message-id', '19b0000000000000');
      reply.setAttribute('data-message-id', '#msg-f:1850000000000000000');
      first.parentElement!.append(reply);
    });

    const stored = await waitUntil(
      () => readTable(ext, 'conversations'),
      (all) => all.find((c) => c.id === conversation.id)?.state === 'open',
    );
    expect(stored.find((c) => c.id === conversation.id).messageCount).toBe(3);
    const after = (await readTable(ext, 'tickets')).find((t) => t.id === ticket.id);
    expect(after).toMatchObject({ stageId: 'waiting-on-us', closedAt: null });
    const because = (await readTable(ext, 'timeline')).filter((e) => e.rule === 'customer-wrote-again').map((e) => [e.field, e.to]);
    expect(because.sort()).toEqual([
      ['stageId', 'waiting-on-us'],
      ['state', 'open'],
    ]);
    // The chip follows: the ticket waits on us again.
    await expect.poll(() => chipText(mail), { timeout: 10_000 }).toContain('Waiting on us');
  });

  it('our own reply on a closed ticket leaves it closed', async () => {
    const ticket = (await readTable(ext, 'tickets'))[0];
    const closed = await send(ext, 'command', {
      type: 'setTicketStage',
      requestId: requestId(),
      actor: 'agent',
      ticketId: ticket.id,
      rev: ticket.rev,
      stageId: 'closed',
    });
    expect(closed.ok).toBe(true);
    await mail.evaluate(() => {
      const ours = [...document.querySelectorAll('div.adn[data-legacy-message-id]')].find((m) =>
        m.querySelector('span.gD[email="agent@sidedesk.test"]'),
      )!;
      const reply = ours.cloneNode(true) as HTMLElement;
      reply.setAttribute('data-legacy-message-id', '19c0000000000000');
      ours.parentElement!.append(reply);
    });
    await waitUntil(
      () => readTable(ext, 'conversations'),
      (all) => all.find((c) => c.id === conversation.id)?.messageCount === 4,
    );
    expect((await readTable(ext, 'conversations')).find((c) => c.id === conversation.id).state).toBe('closed');
    expect((await readTable(ext, 'tickets'))[0].stageId).toBe('closed');
  });
});
