import { describe, expect, it } from 'vitest';
import { CAPS, cleanBlock, cleanLine, Command, normalizeEmail, Observation, safeLink } from '@/domain';
import { convId, observation, observe } from '@/test/support/builders';
import { deskWith, ok } from '@/test/support/scenario';

describe('hostile email text', () => {
  it.each([
    ['markup stays text', '<img src=x onerror=alert(1)><script>alert(1)</script>', '<img src=x onerror=alert(1)><script>alert(1)</script>'],
    ['RTL override removed', 'Invoice \u202Efdp.exe', 'Invoice fdp.exe'],
    ['zero-width removed', 'pay\u200bpal\u200d\ufeff', 'paypal'],
    ['controls and newlines collapse', 'a\u0000b\r\nc\td', 'a b c d'],
  ])('%s', (_name, input, expected) => {
    expect(cleanLine(input)).toBe(expected);
  });

  it('caps a 1 MB subject without splitting a surrogate pair', () => {
    const huge = '😀'.repeat(600_000);
    const line = cleanLine(huge);
    expect(line.length).toBeLessThanOrEqual(CAPS.line);
    expect(line).toBe('😀'.repeat(CAPS.line / 2));
    expect(cleanBlock('x'.repeat(1_000_000)).length).toBe(CAPS.description);
  });

  it('a hostile observation is stored as capped, cleaned text', async () => {
    const desk = await deskWith();
    await ok(
      desk.run(
        observe('h', {
          subject: `<script>alert(1)</script>\u202E${'A'.repeat(1_000_000)}`,
          contact: { email: ' Evil@Example.COM ', name: '<b onmouseover=x>Evil</b>\u200b' },
          url: 'javascript:alert(1)',
        }),
      ),
    );
    const c = desk.state.conversations.get(convId('h'))!;
    expect(c.subject.startsWith('<script>alert(1)</script>A')).toBe(true);
    expect(c.subject.length).toBe(CAPS.line);
    expect(c.url).toBeNull();
    expect(desk.state.contacts.get('evil@example.com')!.name).toBe('<b onmouseover=x>Evil</b>');
  });

  it.each([
    ['javascript:alert(1)', null],
    ['data:text/html,<script>', null],
    ['http://mail.google.com/', null],
    ['https://mail.google.com/mail/u/0/#inbox/1', 'https://mail.google.com/mail/u/0/#inbox/1'],
    ['mailto:a@b.pl', 'mailto:a@b.pl'],
    ['not a url', null],
  ])('links: %s -> %s', (input, expected) => {
    expect(safeLink(input)).toBe(expected);
  });

  it.each([
    ['Anna@Klient.PL', 'anna@klient.pl'],
    ['a\u200b@b.pl', 'a⟨u+200b⟩@b.pl'],
    ['<script>@x.pl', null],
    ['no-at-sign', null],
  ])('email %s -> %s', (input, expected) => {
    expect(normalizeEmail(input)).toBe(expected);
  });

  it.each([
    ['an account that is not an address', { account: 'me' }],
    ['a thread id with spaces', { threadId: 'a b' }],
    ['an unknown provider', { provider: 'hotmail' }],
    ['a subject past 2 MB', { subject: 'x'.repeat(2_000_001) }],
  ])('refuses an observation with %s', (_name, over) => {
    expect(Observation.safeParse({ ...observation('t'), ...over }).success).toBe(false);
  });

  it('refuses malformed commands', () => {
    for (const bad of [
      null,
      42,
      'close',
      {},
      { type: 'setTicketStage' },
      { type: 'setTicketStage', requestId: 'r', actor: 'a', ticketId: 't', rev: 0, stageId: 's' },
    ]) {
      expect(Command.safeParse(bad).success).toBe(false);
    }
  });
});

describe('free properties are cleaned like any other text', () => {
  it('a name or value with invisible or control characters is stored without them; a name of nothing is dropped', async () => {
    const desk = await deskWith('p');
    const created = await ok(desk.run({ type: 'createTicket', requestId: 'r-p1', actor: 'agent', conversationId: convId('p'), draft: {} }));
    const ticket = created.data.ticket!;
    await ok(
      desk.run({
        type: 'updateTicket',
        requestId: 'r-p2',
        actor: 'agent',
        ticketId: ticket.id,
        rev: ticket.rev,
        changes: { properties: { 'V\u200bIP\u00ad': 'yes\u202e', '\u200b': 'gone', Seats: 3 } },
      }),
    );
    expect(desk.state.tickets.get(ticket.id)!.properties).toEqual({ VIP: 'yes', Seats: 3 });
  });
});
