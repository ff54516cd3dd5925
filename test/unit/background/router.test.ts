import { beforeEach, describe, expect, it } from 'vitest';
import { DeskFailure } from '@/domain';
import { createClient } from '@/messaging/client';
import { createHandlers } from '@/background/handlers';
import type { RequestName } from '@/messaging/protocol';
import { createRouter } from '@/background/router';
import type { SenderInfo } from '@/background/sender';
import { convId, observation, rid } from '@/test/support/builders';
import { createTestDesk } from '@/test/support/store';

const SELF = { id: 'sidedesk-id', origin: 'chrome-extension://sidedesk-id/' };

const SENDERS = {
  'extension page': { id: SELF.id, url: 'chrome-extension://sidedesk-id/tickets.html' },
  'content script': { id: SELF.id, url: 'https://mail.google.com/mail/u/0/#inbox/a', tab: { id: 5 } },
  'another extension': { id: 'other-ext', url: 'chrome-extension://other-ext/page.html' },
  'a web page': { url: 'https://evil.example/', tab: { id: 9 } },
  'our frame on an unsupported host': { id: SELF.id, url: 'https://evil.example/', tab: { id: 9 } },
  'a look-alike extension origin': { id: SELF.id, url: 'chrome-extension://sidedesk-id.evil/x.html' },
  'a plain-http webmail page': { id: SELF.id, url: 'http://mail.google.com/mail/u/0/', tab: { id: 5 } },
} satisfies Record<string, SenderInfo>;
type SenderName = keyof typeof SENDERS;

async function setup() {
  const t = await createTestDesk();
  const opened: string[] = [];
  const router = createRouter(createHandlers({ desk: t.desk, db: t.db, openTicketPage: async (id) => void opened.push(id) }), SELF);
  const as = (sender: SenderName) => createClient((message) => router.handle(message, SENDERS[sender]));
  // The content script's tab shows conversation a, which has a ticket.
  await as('content script')('report', {
    requestId: rid(),
    reading: { status: 'conversation', observation: observation('a') },
  });
  const created = await as('extension page')('command', {
    type: 'createTicket',
    requestId: rid(),
    actor: 'agent',
    conversationId: convId('a'),
    draft: {},
  });
  return { ...t, router, as, opened, ticketId: created.ticket!.id };
}

/** A valid request of each kind, so that only the sender decides the answer. */
function requestFor(name: RequestName, ticketId: string): unknown {
  switch (name) {
    case 'command':
      return { type: 'followContact', requestId: rid(), actor: 'agent', email: 'customer-a@klient.pl', followed: true };
    case 'commands':
      return { commands: [requestFor('command', ticketId)] };
    case 'report':
      return {
        requestId: rid(),
        url: 'https://mail.google.com/mail/u/0/#inbox/a',
        reading: { status: 'conversation', observation: observation('a') },
      };
    case 'conversationTicket':
      return { conversationId: convId('a') };
    case 'openTicket':
      return { ticketId };
    case 'openPanel':
      return { conversationId: convId('a') };
    case 'getSettings':
    case 'deskChanged':
    case 'loadChip':
      return {};
  }
}

const ALLOWED: Record<RequestName, SenderName[]> = {
  command: ['extension page'],
  commands: ['extension page'],
  report: ['content script'],
  loadChip: ['content script'],
  conversationTicket: ['extension page', 'content script'],
  openTicket: ['extension page', 'content script'],
  openPanel: ['extension page', 'content script'],
  getSettings: ['extension page'],
  deskChanged: ['extension page'],
};

describe('messaging router', () => {
  let env: Awaited<ReturnType<typeof setup>>;
  beforeEach(async () => {
    env = await setup();
  });

  const matrix = (Object.keys(ALLOWED) as RequestName[]).flatMap((name) =>
    (Object.keys(SENDERS) as SenderName[]).map((sender) => [name, sender, ALLOWED[name].includes(sender)] as const),
  );
  it.each(matrix)('security: %s from %s is allowed: %s', async (name, sender, allowed) => {
    const reply = await env.router.handle({ sidedesk: 1, name, data: requestFor(name, env.ticketId) }, SENDERS[sender]);
    if (allowed) expect(reply).toMatchObject({ ok: true });
    else expect(reply).toMatchObject({ ok: false, error: { code: 'forbidden' } });
  });

  it('security: a refused sender never reaches a handler (nothing is written)', async () => {
    const before = await env.db.contacts.get('customer-a@klient.pl');
    await env.router.handle({ sidedesk: 1, name: 'command', data: requestFor('command', env.ticketId) }, SENDERS['another extension']);
    expect(await env.db.contacts.get('customer-a@klient.pl')).toEqual(before);
  });

  it('security: a content script cannot send commands, not even an observe', async () => {
    const reply = await env.router.handle(
      { sidedesk: 1, name: 'command', data: { type: 'observe', requestId: rid(), actor: 'x', observation: observation('z') } },
      SENDERS['content script'],
    );
    expect(reply).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(await env.db.conversations.get(convId('z'))).toBeUndefined();
  });

  it('security: a content script cannot delete a trash group forever; an extension page can', async () => {
    const trashed = await env.as('extension page')('command', {
      type: 'deleteTicket',
      requestId: rid(),
      actor: 'agent',
      ticketId: env.ticketId,
      rev: 1,
    });
    const trashId = trashed.trashId!;
    const purge = { type: 'purgeTrash' as const, requestId: rid(), actor: 'agent', trashId };
    for (const sender of ['content script', 'another extension', 'a web page'] as const) {
      const reply = await env.router.handle({ sidedesk: 1, name: 'command', data: purge }, SENDERS[sender]);
      expect(reply, sender).toMatchObject({ ok: false, error: { code: 'forbidden' } });
      expect(await env.db.trash.get(trashId), sender).toBeDefined();
    }
    await env.as('extension page')('command', purge);
    expect(await env.db.trash.get(trashId)).toBeUndefined();
  });

  it('a bulk message applies each command on its own, in order: one refused costs that one only, each cascade runs', async () => {
    const page = env.as('extension page');
    const other = await page('command', { type: 'observe', requestId: rid(), actor: 'x', observation: observation('b') });
    const second = await page('command', {
      type: 'createTicket',
      requestId: rid(),
      actor: 'agent',
      conversationId: other.conversation!.id,
      draft: {},
    });
    const stale = { type: 'setTicketStage', requestId: rid(), actor: 'agent', ticketId: env.ticketId, rev: 99, stageId: 'closed' };
    const close = { type: 'setTicketStage', requestId: rid(), actor: 'agent', ticketId: second.ticket!.id, rev: 1, stageId: 'closed' };
    const { results } = await page('commands', { commands: [stale, { type: 'nonsense' }, close] });
    expect(results.map((r) => (r.ok ? 'ok' : r.error.code))).toEqual(['conflict', 'invalid', 'ok']);
    expect((await env.db.tickets.get(env.ticketId))?.stageId).toBe('new');
    expect((await env.db.conversations.get(other.conversation!.id))?.state).toBe('closed');
    // The same request id sent again is the first result, not a second change.
    const again = await page('commands', { commands: [close] });
    expect(again.results[0]).toMatchObject({ ok: true, result: { ticket: { rev: 2 } } });
  });

  it('security: a content script reads only the ticket of the conversation its tab shows', async () => {
    await env.as('extension page')('command', { type: 'observe', requestId: rid(), actor: 'x', observation: observation('b') });
    await expect(env.as('content script')('conversationTicket', { conversationId: convId('b') })).rejects.toMatchObject({
      error: { code: 'forbidden' },
    });
    const own = await env.as('content script')('conversationTicket', { conversationId: convId('a') });
    expect(own.ticket?.id).toBe(env.ticketId);
    expect(own.stage?.label).toBe('New');
    // Only what the chip shows: a page never receives the description, properties or contact.
    expect(Object.keys(own.ticket!).sort()).toEqual(['id', 'name', 'number']);
    expect(own).not.toHaveProperty('conversation');
  });

  it("security: the chip's code runs only in the frame that asked, and only while its tab shows a conversation", async () => {
    const injected: Array<[number, number]> = [];
    const router = createRouter(
      createHandlers({
        desk: env.desk,
        db: env.db,
        openTicketPage: async () => undefined,
        loadChip: async (tabId, frameId) => (injected.push([tabId, frameId]), true),
      }),
      SELF,
    );
    const from = (sender: SenderInfo) => createClient((message) => router.handle(message, sender));
    const tab = SENDERS['content script'];
    expect(await from({ ...tab, frameId: 0 })('loadChip', {})).toEqual({ loaded: true });
    expect(injected).toEqual([[5, 0]]);
    // A tab whose page shows no conversation (or one Sidedesk never heard of) gets nothing.
    await from(tab)('report', { requestId: rid(), reading: { status: 'none', reason: 'No conversation is open.' } });
    await expect(from(tab)('loadChip', {})).rejects.toMatchObject({ error: { code: 'forbidden' } });
    await expect(from({ ...tab, tab: { id: 77 } })('loadChip', {})).rejects.toMatchObject({ error: { code: 'forbidden' } });
    await expect(from(SENDERS['extension page'])('loadChip', {})).rejects.toMatchObject({ error: { code: 'forbidden' } });
    expect(injected).toHaveLength(1);
  });

  it('a report answers with the stored conversation and its ticket, so the chip draws without asking again', async () => {
    const again = await env.as('content script')('report', {
      requestId: rid(),
      reading: { status: 'conversation', observation: observation('a') },
    });
    expect(again.conversationId).toBe(convId('a'));
    expect(again.view).toEqual({
      ticket: { id: env.ticketId, number: 1, name: 'Subject a' },
      stage: { id: 'new', label: 'New', state: 'open' },
    });
    const none = await env.as('content script')('report', {
      requestId: rid(),
      reading: { status: 'none', reason: 'inbox list' },
    });
    expect(none).toEqual({ conversationId: null, view: null });
  });

  it('a resent report or command (same request id) is answered again but announced once: no second notification', async () => {
    const t = await createTestDesk();
    const stored: string[] = [];
    const router = createRouter(
      createHandlers({ desk: t.desk, db: t.db, openTicketPage: async () => undefined, onStored: (type) => void stored.push(type) }),
      SELF,
    );
    const as = (sender: SenderName) => createClient((message) => router.handle(message, SENDERS[sender]));
    const report = {
      requestId: 'report-1',
      url: SENDERS['content script'].url,
      reading: { status: 'conversation' as const, observation: observation('n') },
    };
    await as('content script')('report', report);
    await as('content script')('report', report);
    const create = { type: 'createTicket' as const, requestId: 'create-1', actor: 'agent', conversationId: convId('n'), draft: {} };
    const first = await as('extension page')('command', create);
    const again = await as('extension page')('command', create);
    expect(again.ticket?.id).toBe(first.ticket?.id);
    expect(stored).toEqual(['observe', 'createTicket']);
  });

  it('security: a Gmail page cannot report an Outlook conversation', async () => {
    await expect(
      env.as('content script')('report', {
        requestId: rid(),
        reading: { status: 'conversation', observation: observation('o', { provider: 'outlook' }) },
      }),
    ).rejects.toMatchObject({ error: { code: 'forbidden' } });
  });

  it.each([
    ['no envelope', 'hello'],
    ['a wrong version', { sidedesk: 2, name: 'getSettings', data: {} }],
    ['an unknown request', { sidedesk: 1, name: 'dropEverything', data: {} }],
    ['a prototype key as name', { sidedesk: 1, name: '__proto__', data: {} }],
    ['a malformed command', { sidedesk: 1, name: 'command', data: { type: 'setTicketStage', rev: -1 } }],
    [
      'a settings change that does not parse',
      {
        sidedesk: 1,
        name: 'command',
        data: { type: 'changeSettings', requestId: 'r', actor: 'a', rev: 0, change: { kind: 'addStage', label: '' } },
      },
    ],
  ])('refuses %s as invalid before any handler runs', async (_name, message) => {
    expect(await env.router.handle(message, SENDERS['extension page'])).toMatchObject({ ok: false, error: { code: 'invalid' } });
  });

  it("passes the desk's refusal to the caller as a typed error", async () => {
    const call = env.as('extension page');
    await expect(
      call('command', { type: 'setTicketStage', requestId: rid(), actor: 'agent', ticketId: env.ticketId, rev: 99, stageId: 'closed' }),
    ).rejects.toSatisfy((e) => e instanceof DeskFailure && e.error.code === 'conflict');
  });

  it("security: the chip opens the record page of its own conversation's ticket only", async () => {
    await env.as('content script')('openTicket', { ticketId: env.ticketId });
    expect(env.opened).toEqual([env.ticketId]);
    await expect(env.as('content script')('openTicket', { ticketId: 'nope' })).rejects.toMatchObject({ error: { code: 'forbidden' } });
    // Another conversation's ticket, which exists: still not this page's to open.
    await env.as('content script')('report', { requestId: rid(), reading: { status: 'conversation', observation: observation('b') } });
    const other = await env.as('extension page')('command', {
      type: 'createTicket',
      requestId: rid(),
      actor: 'agent',
      conversationId: convId('b'),
      draft: {},
    });
    await env.as('content script')('report', { requestId: rid(), reading: { status: 'conversation', observation: observation('a') } });
    await expect(env.as('content script')('openTicket', { ticketId: other.ticket!.id })).rejects.toMatchObject({
      error: { code: 'forbidden' },
    });
    expect(env.opened).toEqual([env.ticketId]);
    // An extension page may open any ticket.
    await env.as('extension page')('openTicket', { ticketId: other.ticket!.id });
    expect(env.opened).toEqual([env.ticketId, other.ticket!.id]);
  });

  it("security: the tab's address is the sender's, never the one the report names", async () => {
    // A message may still name an address (an older content script did): it counts for nothing.
    await env.as('content script')('report', {
      requestId: rid(),
      url: 'https://evil.example/phish',
      reading: { status: 'none', reason: 'list' },
    } as never);
    expect((await env.db.tabs.get(5))!.url).toBe(SENDERS['content script'].url);
  });

  it("security: a report's link to elsewhere is never stored as the conversation's link", async () => {
    await env.as('content script')('report', {
      requestId: rid(),
      reading: { status: 'conversation', observation: observation('c', { url: 'https://evil.example/phish' }) },
    });
    expect((await env.db.conversations.get(convId('c')))!.url).toBeNull();
  });

  it('security: a report of a thread other than the one its address names is refused, and tells the page nothing', async () => {
    const shown = '19a367a0e0052e6b';
    const other = '199a4cb2200f2a74';
    // Another tab shows the other thread, which has a ticket.
    const otherTab = { id: SELF.id, url: `https://mail.google.com/mail/u/0/#inbox/${other}`, tab: { id: 8 } };
    await createClient((message) => env.router.handle(message, otherTab))('report', {
      requestId: rid(),
      reading: { status: 'conversation', observation: observation(other, { subject: 'Other thread' }) },
    });
    await env.as('extension page')('command', {
      type: 'createTicket',
      requestId: rid(),
      actor: 'agent',
      conversationId: convId(other),
      draft: { name: 'Secret' },
    });
    const tab = { id: SELF.id, url: `https://mail.google.com/mail/u/0/#inbox/${shown}`, tab: { id: 7 } };
    const from = createClient((message) => env.router.handle(message, tab));
    await from('report', { requestId: rid(), reading: { status: 'conversation', observation: observation(shown) } });
    const forged = from('report', {
      requestId: rid(),
      reading: { status: 'conversation', observation: observation(other, { subject: 'Forged' }) },
    });
    await expect(forged).rejects.toMatchObject({ error: { code: 'forbidden' } });
    expect((await env.db.conversations.get(convId(other)))!.subject).toBe('Other thread');
    // The tab still shows its own thread: the other's ticket can be neither read nor opened.
    expect((await env.db.tabs.get(7))!.conversationId).toBe(convId(shown));
    await expect(from('conversationTicket', { conversationId: convId(other) })).rejects.toMatchObject({ error: { code: 'forbidden' } });
    const secret = (await env.db.tickets.toArray()).find((t) => t.name === 'Secret')!;
    await expect(from('openTicket', { ticketId: secret.id })).rejects.toMatchObject({ error: { code: 'forbidden' } });
  });

  it("after an in-page navigation the tab's address is the one that counts, not the document's first url", async () => {
    const moved = {
      id: SELF.id,
      url: 'https://mail.google.com/mail/u/0/#inbox/19a367a0e0052e6b',
      tab: { id: 11, url: 'https://mail.google.com/mail/u/0/#inbox/199a4cb2200f2a74' },
    };
    const from = createClient((message) => env.router.handle(message, moved));
    await from('report', { requestId: rid(), reading: { status: 'conversation', observation: observation('199a4cb2200f2a74') } });
    expect(await env.db.tabs.get(11)).toMatchObject({ conversationId: convId('199a4cb2200f2a74'), url: moved.tab.url });
  });

  it("a page whose address names no thread (Gmail's split pane) is believed", async () => {
    const tab = { id: SELF.id, url: 'https://mail.google.com/mail/u/0/#inbox', tab: { id: 9 } };
    const from = createClient((message) => env.router.handle(message, tab));
    const answer = await from('report', {
      requestId: rid(),
      reading: { status: 'conversation', observation: observation('a', { subject: 'Renamed in split pane' }) },
    });
    expect(answer.view?.ticket?.id).toBe(env.ticketId);
    expect((await env.db.conversations.get(convId('a')))!.subject).toBe('Renamed in split pane');
  });

  it('a page with no conversation or an unreadable layout is recorded as the tab health', async () => {
    await env.as('content script')('report', {
      requestId: rid(),
      reading: { status: 'unreadable', reason: 'no thread container' },
    });
    expect(await env.db.tabs.get(5)).toMatchObject({
      conversationId: null,
      health: { status: 'unreadable', reason: 'no thread container' },
    });
  });

  it('settings cannot drop a stage that tickets are in, nor switch it between open and closed; a stale copy is a conflict', async () => {
    const call = env.as('extension page');
    const change = (rev: number, c: object) =>
      call('command', { type: 'changeSettings', requestId: rid(), actor: 'agent', rev, change: c as never });
    const rev = (await call('getSettings', {})).rev ?? 0;
    await expect(change(rev, { kind: 'deleteStage', pipelineId: 'support', stageId: 'new' })).rejects.toMatchObject({
      error: { code: 'invalid', message: expect.stringContaining('move them to another stage first') },
    });
    await expect(change(rev, { kind: 'setStageState', pipelineId: 'support', stageId: 'new', state: 'closed' })).rejects.toMatchObject({
      error: { code: 'invalid', message: expect.stringContaining('between open and closed') },
    });
    await change(rev, { kind: 'setDisplayedProperties', properties: ['priority', 'category'] });
    const after = await call('getSettings', {});
    expect(after.displayedProperties).toEqual(['priority', 'category']);
    expect(after.rev).toBe(rev + 1);
    // Made on the copy before: refused, never written over the change just stored.
    await expect(change(rev, { kind: 'setDisplayedProperties', properties: ['name'] })).rejects.toMatchObject({
      error: { code: 'conflict' },
    });
    expect((await call('getSettings', {})).displayedProperties).toEqual(['priority', 'category']);
  });

  it('the client refuses a malformed answer', async () => {
    const call = createClient(async () => ({ ok: true, data: { nonsense: 1 } }));
    await expect(call('getSettings', {})).rejects.toBeInstanceOf(Error);
    const down = createClient(async () => {
      throw new Error('Could not establish connection. Receiving end does not exist.');
    });
    await expect(down('getSettings', {})).rejects.toMatchObject({ error: { code: 'internal' } });
  });
});
