import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readTable, requestId, send } from './support/extension-page';
import { launchFirefox, type FirefoxSession } from './support/firefox';
import { GMAIL_INBOX, gmailConversation, SCREENSHOTS, THREAD_ORDER } from './support/paths';

describe('Firefox ESR: the built extension end to end (smoke)', () => {
  let session: FirefoxSession;
  beforeAll(async () => {
    session = await launchFirefox();
  });
  afterAll(async () => {
    await session?.close();
  });

  it('reports the Gmail conversation; an extension page creates and closes its ticket; Firefox IndexedDB shows it closed', async () => {
    const gmail = await session.webmailPage();
    await gmail.goto(`${GMAIL_INBOX}/${THREAD_ORDER}`);
    const ext = await session.extensionPage('tickets.html', 'main.page');
    await expect
      .poll(async () => (await readTable(ext, 'conversations')).map((c) => c.id), { timeout: 15_000 })
      .toContain(gmailConversation(THREAD_ORDER));

    const created = await send(ext, 'command', {
      type: 'createTicket',
      requestId: requestId(),
      actor: 'agent@sidedesk.test',
      conversationId: gmailConversation(THREAD_ORDER),
      draft: {},
    });
    expect(created.ok).toBe(true);
    const ticket = created.ok ? created.data.ticket : null;
    const closed = await send(ext, 'command', {
      type: 'setTicketStage',
      requestId: requestId(),
      actor: 'agent@sidedesk.test',
      ticketId: ticket.id,
      rev: ticket.rev,
      stageId: 'closed',
    });
    expect(closed.ok && closed.data.cascade.map((e: { rule: string }) => e.rule)).toEqual(['close-ticket-closes-conversations']);
    const [conversation] = (await readTable(ext, 'conversations')).filter((c) => c.id === gmailConversation(THREAD_ORDER));
    expect(conversation.state).toBe('closed');
    await ext.waitForSelector(`tr[data-ticket-id="${ticket.id}"] .stage[data-state="closed"]`, { timeout: 5000 });
    await ext.screenshot({ path: join(SCREENSHOTS, 'firefox-tickets-page.png') });
  });
});
