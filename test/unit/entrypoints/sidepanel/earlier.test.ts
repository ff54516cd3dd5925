import { describe, expect, it } from 'vitest';
import { loadPanel, relate } from '@/entrypoints/sidepanel/model';
import { sameThreadKey } from '@/entrypoints/sidepanel/same-thread';
import type { Conversation } from '@/domain';
import { openTestDatabase } from '@/test/support/store';

const conv = (threadId: string, over: Partial<Conversation> = {}): Conversation => ({
  id: `gmail:agent@b.pl:${threadId}`,
  provider: 'gmail',
  account: 'agent@b.pl',
  threadId,
  subject: `Subject ${threadId}`,
  url: null,
  contactEmail: 'anna@klient.pl',
  participants: [],
  messageCount: 1,
  lastMessageAt: null,
  ownerId: null,
  state: 'open',
  ticketId: null,
  firstSeenAt: 1,
  lastSeenAt: 1,
  rev: 1,
  ...over,
});
const DAY = 86_400_000;

// Ids as Outlook puts them on its rows: two mailboxes, and the 16-byte conversation id at the end.
const outlookId = (mailbox: string, conversation: string) =>
  btoa(
    String.fromCharCode(
      0,
      4,
      36,
      0,
      ...[...mailbox].map((c) => c.charCodeAt(0)),
      0,
      16,
      0,
      ...conversation.split('').map((c) => c.charCodeAt(0)),
    ),
  );

describe('earlier conversations', () => {
  it('are ordered by the date of their mail (not when Sidedesk last saw them), newest first, each said to be earlier or later', () => {
    const open = conv('open', { lastMessageAt: 10 * DAY, lastSeenAt: 50 * DAY });
    const listed = relate(open, [
      open,
      conv('seen-yesterday-written-long-ago', { lastMessageAt: 2 * DAY, lastSeenAt: 49 * DAY }),
      conv('later', { lastMessageAt: 20 * DAY, lastSeenAt: 21 * DAY }),
      conv('no-mail-date', { lastMessageAt: null, lastSeenAt: 5 * DAY }),
    ]);
    expect(listed.map((e) => [e.conversation.threadId, e.date / DAY, e.relation])).toEqual([
      ['later', 20, 'later'],
      ['no-mail-date', 5, 'earlier'],
      ['seen-yesterday-written-long-ago', 2, 'earlier'],
    ]);
  });

  it('recognise the same Outlook thread seen from another account of the agent; Gmail ids never match across accounts', () => {
    const thread = 'v\xb8\x98MkO\xb5G\xa7\xb6\xf1\x8c}mS\xf7';
    const mine = outlookId('a86a02e6-5ba7-48a6-9e27-b7792df93d95', thread);
    const shared = outlookId('0c1f55aa-0000-4c2b-8f0e-3e1d0a7b9c11', thread);
    const other = outlookId('0c1f55aa-0000-4c2b-8f0e-3e1d0a7b9c11', 'another thread 16');
    expect(sameThreadKey({ provider: 'outlook', threadId: mine })).toBe(sameThreadKey({ provider: 'outlook', threadId: shared }));
    expect(sameThreadKey({ provider: 'outlook', threadId: mine })).toMatch(/^outlook:[0-9a-f]{32}$/);
    expect(sameThreadKey({ provider: 'outlook', threadId: other })).not.toBe(sameThreadKey({ provider: 'outlook', threadId: mine }));
    // A message id in the address, or anything else, gives no key rather than a wrong one.
    expect(sameThreadKey({ provider: 'outlook', threadId: 'AAkALgAAAAAAHYQDEapmEc2byACqAC' })).toBeNull();
    expect(sameThreadKey({ provider: 'gmail', threadId: '19a367a0e0052e6b' })).toBeNull();

    const open = conv('o', { provider: 'outlook', id: `outlook:agent@b.pl:${mine}`, threadId: mine, lastMessageAt: 10 * DAY });
    const listed = relate(open, [
      conv('older', { lastMessageAt: 9 * DAY }),
      conv('s', {
        provider: 'outlook',
        account: 'support@b.pl',
        id: `outlook:support@b.pl:${shared}`,
        threadId: shared,
        lastMessageAt: 10 * DAY,
      }),
    ]);
    expect(listed.map((e) => [e.conversation.account, e.relation])).toEqual([
      ['support@b.pl', 'same-thread'],
      ['agent@b.pl', 'earlier'],
    ]);
  });

  it('the panel reads them for the open conversation', async () => {
    const db = openTestDatabase();
    const open = conv('open', { lastMessageAt: 10 * DAY, lastSeenAt: 50 * DAY });
    await db.conversations.bulkPut([
      open,
      conv('a', { lastMessageAt: 2 * DAY, lastSeenAt: 49 * DAY }),
      conv('b', { lastMessageAt: 8 * DAY, lastSeenAt: 3 * DAY }),
    ]);
    await db.contacts.put({ email: 'anna@klient.pl', name: 'Anna', companyDomain: 'klient.pl', followed: false });
    await db.tabs.put({ tabId: 1, conversationId: open.id, url: 'https://mail.google.com/', health: { status: 'ok' }, at: 1 });
    const model = await loadPanel(db, 1);
    expect(model.earlier.map((e) => [e.conversation.threadId, e.relation, e.stage])).toEqual([
      ['b', 'earlier', null],
      ['a', 'earlier', null],
    ]);
  });
});
