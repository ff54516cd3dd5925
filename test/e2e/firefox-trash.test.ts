import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readTable, requestId, send } from './support/extension-page';
import { launchFirefox, type FirefoxSession } from './support/firefox';
import { SCREENSHOTS } from './support/paths';

const ACTOR = 'agent@sidedesk.test';

describe('Firefox ESR: the trash page (smoke)', () => {
  let session: FirefoxSession;
  beforeAll(async () => {
    session = await launchFirefox();
  });
  afterAll(async () => {
    await session?.close();
  });

  it('lists a deleted group with its ticket and conversation, and marks the one its address names', async () => {
    const ext = await session.extensionPage('tickets.html', 'main.page');
    const base = { requestId: requestId(), actor: ACTOR };
    const observed = await send(ext, 'command', {
      ...base,
      type: 'observe',
      observation: {
        provider: 'gmail',
        account: ACTOR,
        threadId: 'ff1',
        subject: 'Order #4411 did not arrive',
        url: null,
        contact: { email: 'anna.kowalska@klient.pl', name: 'Anna Kowalska' },
        participants: [{ email: 'anna.kowalska@klient.pl', name: 'Anna Kowalska' }],
        messageCount: 1,
        lastMessageAt: 1_761_850_560_000,
      },
    });
    expect(observed.ok).toBe(true);
    const conversationId = `gmail:${ACTOR}:ff1`;
    const created = await send<any>(ext, 'command', {
      requestId: requestId(),
      actor: ACTOR,
      type: 'createTicket',
      conversationId,
      draft: {},
    });
    expect(created.ok).toBe(true);
    const ticket = created.ok ? created.data.ticket : null;
    const trashed = await send<any>(ext, 'command', {
      requestId: requestId(),
      actor: ACTOR,
      type: 'deleteTicket',
      ticketId: ticket.id,
      rev: ticket.rev,
    });
    expect(trashed.ok).toBe(true);
    const trashId = trashed.ok ? trashed.data.trashId : '';
    expect((await readTable(ext, 'trash')).map((g) => g.id)).toEqual([trashId]);

    const page = await session.extensionPage(`trash.html#${trashId}`, 'li.trash-group.is-target');
    const text = await page.$eval('li.trash-group', (el) => el.textContent);
    expect(text).toContain('T-0001 · Order #4411 did not arrive');
    expect(text).toContain('Ticket deleted');
    expect(text).toContain('anna.kowalska@klient.pl');
    expect(await page.$eval('li.trash-group p', (el) => getComputedStyle(el).fontSize)).toBe('14px');
    await page.screenshot({ path: join(SCREENSHOTS, 'firefox-trash.png') });
  });
});
