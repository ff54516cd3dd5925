import { join } from 'node:path';
import { checkBothSchemes } from './support/axe';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, stopServiceWorker, type ChromiumSession } from './support/chromium';
import { chipText } from './support/closed-chip';
import { readTable, requestId, send } from './support/extension-page';
import { GMAIL_INBOX, gmailConversation, SCREENSHOTS, THREAD_ORDER, THREAD_REFUND } from './support/paths';

describe('Chromium: the built extension end to end', () => {
  let session: ChromiumSession;
  beforeAll(async () => {
    session = await launchChromium();
  });
  afterAll(async () => {
    await session?.close();
  });

  it('the content script reports the open Gmail conversation, and the next one after in-page navigation', async () => {
    const gmail = await session.context.newPage();
    await gmail.goto(`${GMAIL_INBOX}/${THREAD_ORDER}`);
    const ext = await session.extensionPage();
    await expect
      .poll(async () => (await readTable(ext, 'conversations')).map((c) => c.id), { timeout: 10_000 })
      .toContain(gmailConversation(THREAD_ORDER));
    const [order] = (await readTable(ext, 'conversations')).filter((c) => c.id === gmailConversation(THREAD_ORDER));
    expect(order).toMatchObject({
      subject: 'Order #4411 did not arrive',
      contactEmail: 'anna.kowalska@klient.pl',
      state: 'open',
      ticketId: null,
      url: `https://mail.google.com/mail/u/0/#all/${THREAD_ORDER}`,
    });
    expect(order.participants.map((p: { email: string }) => p.email).sort()).toEqual(['anna.kowalska@klient.pl', 'magazyn@klient.pl']);

    // Gmail navigates by hash and paints the thread late.
    await gmail.evaluate((thread) => (location.hash = `#inbox/${thread}`), THREAD_REFUND);
    await expect
      .poll(async () => (await readTable(ext, 'tabs')).map((t) => t.conversationId), { timeout: 10_000 })
      .toContain(gmailConversation(THREAD_REFUND));
    await gmail.evaluate(() => (location.hash = '#inbox'));
    await expect.poll(async () => (await readTable(ext, 'tabs')).map((t) => t.conversationId), { timeout: 10_000 }).toEqual([null]);
    expect((await readTable(ext, 'contacts')).map((c) => c.email).sort()).toEqual(['anna.kowalska@klient.pl', 'jan.nowak@sklep.pl']);
    await gmail.close();
    await ext.close();
  });

  it('an extension page creates a ticket with two conversations and closes it: both conversations close in IndexedDB', async () => {
    const ext = await session.extensionPage();
    const created = await send(ext, 'command', {
      type: 'createTicket',
      requestId: requestId(),
      actor: 'agent@sidedesk.test',
      conversationId: gmailConversation(THREAD_ORDER),
      draft: { priority: 'high' },
    });
    expect(created.ok).toBe(true);
    const ticket = created.ok ? created.data.ticket : null;
    const added = await send(ext, 'command', {
      type: 'addConversationToTicket',
      requestId: requestId(),
      actor: 'agent@sidedesk.test',
      conversationId: gmailConversation(THREAD_REFUND),
      ticketId: ticket.id,
    });
    expect(added.ok).toBe(true);
    // The tickets page follows the database live.
    const stageCell = ext.locator(`tr[data-ticket-id="${ticket.id}"] .stage`);
    await expect.poll(() => stageCell.textContent(), { timeout: 5000 }).toBe('New');

    const closed = await send(ext, 'command', {
      type: 'setTicketStage',
      requestId: requestId(),
      actor: 'agent@sidedesk.test',
      ticketId: ticket.id,
      rev: ticket.rev,
      stageId: 'closed',
    });
    expect(closed.ok && closed.data.cascade.length).toBe(2);
    const conversations = await readTable(ext, 'conversations');
    expect(conversations.filter((c) => c.ticketId === ticket.id).map((c) => c.state)).toEqual(['closed', 'closed']);
    await expect.poll(() => stageCell.textContent(), { timeout: 5000 }).toBe('Closed');
    expect(await ext.locator(`tr[data-ticket-id="${ticket.id}"] [data-conversations]`).getAttribute('data-conversations')).toBe('0/2');
    expect(await checkBothSchemes(ext, 'tickets-page', SCREENSHOTS)).toEqual([]);
    // Each name opens the ticket's record page.
    await ext.locator(`tr[data-ticket-id="${ticket.id}"] a`).click();
    await ext.waitForURL(`**/record.html?id=${ticket.id}`);
    await expect.poll(() => ext.locator('.record-title').textContent(), { timeout: 5000 }).toContain(ticket.name);
    await ext.goBack();

    const stale = await send(ext, 'command', {
      type: 'setTicketStage',
      requestId: requestId(),
      actor: 'agent@sidedesk.test',
      ticketId: ticket.id,
      rev: ticket.rev,
      stageId: 'new',
    });
    expect(stale).toMatchObject({ ok: false, error: { code: 'conflict' } });
    await ext.close();
  });

  it('the content script posts nothing to the webmail page: every window message listener of the page stays quiet', async () => {
    const gmail = await session.context.newPage();
    await gmail.addInitScript(() => {
      const seen: unknown[] = [];
      (globalThis as { sidedeskTestMessages?: unknown[] }).sidedeskTestMessages = seen;
      addEventListener('message', (event) => seen.push(event.data));
    });
    await gmail.goto(`${GMAIL_INBOX}/${THREAD_ORDER}`);
    // Once the chip shows, the content script has started, read the page and had its answer.
    await expect.poll(() => chipText(gmail), { timeout: 10_000 }).not.toBe('');
    await gmail.waitForTimeout(200);
    expect(await gmail.evaluate(() => (globalThis as { sidedeskTestMessages?: unknown[] }).sidedeskTestMessages)).toEqual([]);
    await gmail.close();
  });

  it('security: a web page cannot talk to the extension, and a webmail page cannot send commands', async () => {
    const gmail = await session.context.newPage();
    await gmail.goto(`${GMAIL_INBOX}/${THREAD_ORDER}`);
    // The page's own world has no extension messaging at all (no externally_connectable).
    expect(await gmail.evaluate(() => typeof (globalThis as any).chrome?.runtime?.sendMessage)).toBe('undefined');
    await gmail.close();
  });

  it('stopping the service worker in the middle of a stream of commands loses no acknowledged command and half-applies no cascade', async () => {
    const ext = await session.extensionPage();
    const actor = 'agent@sidedesk.test';
    // Five tickets, each with two conversations (observed from the page for speed).
    const tickets: Array<{ id: string; rev: number }> = [];
    for (let t = 0; t < 5; t++) {
      for (const n of [0, 1]) {
        const obs = {
          provider: 'gmail',
          account: actor,
          threadId: `f00${t}${n}`,
          subject: `Stream ${t}.${n}`,
          url: null,
          contact: null,
          participants: [],
          messageCount: 1,
          lastMessageAt: null,
        };
        expect((await send(ext, 'command', { type: 'observe', requestId: requestId('obs'), actor, observation: obs })).ok).toBe(true);
      }
      const c = await send(ext, 'command', {
        type: 'createTicket',
        requestId: requestId(),
        actor,
        conversationId: gmailConversation(`f00${t}0`),
        draft: {},
      });
      const a = await send(ext, 'command', {
        type: 'addConversationToTicket',
        requestId: requestId(),
        actor,
        conversationId: gmailConversation(`f00${t}1`),
        ticketId: c.ok ? c.data.ticket.id : '',
      });
      expect(c.ok && a.ok).toBe(true);
      tickets.push({ id: c.ok ? c.data.ticket.id : '', rev: 1 });
    }

    const acknowledged: string[] = [];
    let dropped = 0;
    let stops = 0;
    // Each ticket's chain alternates closing and reopening it; the chains run side by side.
    // A command whose answer was lost is sent again with the same request id, as a client would.
    const chain = async (ticket: { id: string; rev: number }, steps: number) => {
      for (let i = 0; i < steps; i++) {
        const id = requestId('stream');
        const stageId = i % 2 === 0 ? 'closed' : 'waiting-on-us';
        for (let attempt = 0; attempt < 20; attempt++) {
          const reply = await send(ext, 'command', {
            type: 'setTicketStage',
            requestId: id,
            actor,
            ticketId: ticket.id,
            rev: ticket.rev,
            stageId,
          });
          if (reply.ok) {
            acknowledged.push(id);
            ticket.rev = reply.data.ticket.rev;
            break;
          }
          expect(['dropped', 'internal']).toContain(reply.error.code);
          dropped++;
          await new Promise((r) => setTimeout(r, 20));
        }
      }
    };
    const stopper = (async () => {
      for (let i = 0; i < 4; i++) {
        await new Promise((r) => setTimeout(r, 60));
        await stopServiceWorker(session, ext);
        stops++;
      }
    })();
    await Promise.all([...tickets.map((t) => chain(t, 12)), stopper]);
    expect(stops).toBe(4);
    expect(acknowledged).toHaveLength(60);

    const [requests, stored, conversations, timeline] = await Promise.all([
      readTable(ext, 'requests'),
      readTable(ext, 'tickets'),
      readTable(ext, 'conversations'),
      readTable(ext, 'timeline'),
    ]);
    const applied = new Set(requests.map((r) => r.requestId));
    for (const id of acknowledged) expect(applied.has(id), `acknowledged ${id} is stored`).toBe(true);
    // Each stored request has exactly its entries: the stage change plus its cascade, never part of it.
    for (const r of requests.filter((r) => r.requestId.startsWith('stream'))) {
      const entries = timeline.filter((e) => e.requestId === r.requestId);
      expect(entries.length, `entries of ${r.requestId}`).toBe(1 + r.result.cascade.length);
    }
    for (const t of tickets) {
      const ticket = stored.find((s) => s.id === t.id);
      expect(ticket.rev).toBe(t.rev);
      expect(ticket.stageId).toBe('waiting-on-us');
      // The last close closed both; the reopen that followed touched neither (two conversations).
      expect(conversations.filter((c) => c.ticketId === t.id).map((c) => c.state)).toEqual(['closed', 'closed']);
    }
    console.info(`stream: 60 commands acknowledged, ${dropped} answers lost to ${stops} worker stops and resent`);
    await ext.close();
  });
});
