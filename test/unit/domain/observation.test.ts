import { describe, expect, it } from 'vitest';
import { CAPS, Observation, TEAM_SELF_JOIN_MAX, TimelineEntry } from '@/domain';
import { MAX_PARTICIPANTS } from '@/domain/zod-free/participants';
import { ACCOUNT, convId, observation, observe } from '@/test/support/builders';
import { cmd, deskWith, ok } from '@/test/support/scenario';

const person = (email: string, name = '') => ({ email, name });

describe('one odd field never costs a conversation', () => {
  it('a Gmail thread of 100 messages with 10 in copy (1,000 entries) is read, deduped and cut', () => {
    const entries = Array.from({ length: 1000 }, (_, i) => person(`p${i % 300}@klient.example`, `P ${i}`));
    const parsed = Observation.parse(observation('t', { participants: entries }));
    expect(parsed.participants).toHaveLength(MAX_PARTICIPANTS);
    expect(new Set(parsed.participants.map((p) => p.email)).size).toBe(MAX_PARTICIPANTS);
  });

  it('an address the normaliser refuses drops that participant, and the contact becomes none', () => {
    const parsed = Observation.parse(
      observation('t', {
        contact: person('"john doe"@klient.example', 'John'),
        participants: [person('"john doe"@klient.example'), person('anna@klient.example', 'Anna'), { email: 42 } as never],
      }),
    );
    expect(parsed.contact).toBeNull();
    expect(parsed.participants).toEqual([person('anna@klient.example', 'Anna')]);
  });

  it('the account is never one of its own participants', () => {
    const parsed = Observation.parse(observation('t', { participants: [person(ACCOUNT.toUpperCase()), person('x@klient.example')] }));
    expect(parsed.participants.map((p) => p.email)).toEqual(['x@klient.example']);
  });

  it('the link kept is one of the webmail of the conversation, https only', () => {
    const at = (url: string) => Observation.parse(observation('t', { url })).url;
    expect(at('https://mail.google.com/mail/u/0/#all/t')).toBe('https://mail.google.com/mail/u/0/#all/t');
    expect(at('https://evil.example/phish')).toBeNull();
    expect(at('https://mail.google.com.evil.example/')).toBeNull();
    expect(at('mailto:someone@klient.example')).toBeNull();
  });

  it('a conversation whose people change a lot keeps a timeline entry under the cap, and keeps updating', async () => {
    const desk = await deskWith();
    const long = (i: number) => person(`${'x'.repeat(200)}.${i}@${'klient'.repeat(10)}.example`);
    await ok(desk.run(observe('big', { participants: Array.from({ length: 100 }, (_, i) => long(i)) })));
    const { data } = await ok(desk.run(observe('big', { participants: [long(1000), ...Array.from({ length: 99 }, (_, i) => long(i))] })));
    expect(data.conversation!.participants).toHaveLength(100);
    const entry = [...desk.state.timeline.values()].find((e) => e.field === 'participants')!;
    expect(TimelineEntry.safeParse(entry).success).toBe(true);
    expect(String(entry.to)).toMatch(/^\+x+\.1000@/);
    expect(String(entry.from)).toMatch(/^−x+\.99@/);
    expect(String(entry.to).length).toBeLessThan(CAPS.description);
    // And the next update of it still goes through.
    await ok(desk.run(observe('big', { subject: 'Renamed', participants: Array.from({ length: 100 }, (_, i) => long(i + 500)) })));
    const people = [...desk.state.timeline.values()].filter((e) => e.field === 'participants').at(-1)!;
    expect(String(people.to)).toMatch(/\(\+95\)$/);
  });
});

describe("the team grows only by the browser's own accounts", () => {
  it('an account the page did not show (a key on the reserved .invalid domain) records the conversation but joins no team', async () => {
    const desk = await deskWith();
    const before = desk.state.settings.team.length;
    await ok(desk.run(observe('o', { provider: 'outlook', account: 'unknown@outlook.invalid', url: null })));
    expect(desk.state.conversations.has('outlook:unknown@outlook.invalid:o')).toBe(true);
    expect(desk.state.settings.team.length).toBe(before);
  });

  it('a flood of made-up accounts cannot grow the team past its bound, and locks no one out', async () => {
    const desk = await deskWith();
    const start = desk.state.settings.team.length;
    for (let i = 0; i < 60; i++) await ok(desk.run(observe(`t${i}`, { account: `made-up-${i}@evil.example` })));
    expect(desk.state.settings.team.length).toBe(Math.max(start, TEAM_SELF_JOIN_MAX));
    // A genuinely new account after the flood still records its conversations.
    await ok(desk.run(observe('real', { account: 'new.agent@sidedesk.test' })));
    expect(desk.state.conversations.has('gmail:new.agent@sidedesk.test:real')).toBe(true);
    void cmd;
  });
});

describe('the contact is the person outside the team', () => {
  it('a teammate who wrote first is not the contact: the first outside participant is', async () => {
    const desk = await deskWith();
    const colleague = desk.state.settings.team.find((m) => m.email !== ACCOUNT)!;
    await ok(
      desk.run(
        observe('t', {
          contact: person(colleague.email, 'Colleague'),
          participants: [person(colleague.email), person('anna@klient.pl', 'Anna')],
        }),
      ),
    );
    expect(desk.state.conversations.get(convId('t'))!.contactEmail).toBe('anna@klient.pl');
    expect(desk.state.contacts.has(colleague.email)).toBe(false);
  });

  it('with only the team in the thread, there is no contact', async () => {
    const desk = await deskWith();
    await ok(desk.run(observe('t', { contact: person(ACCOUNT), participants: [] })));
    expect(desk.state.conversations.get(convId('t'))!.contactEmail).toBeNull();
  });
});

describe('the contact chosen by the team rule keeps what is known of them', () => {
  it('a followed customer stays followed when the page named a teammate as the contact', async () => {
    const desk = await deskWith();
    await ok(desk.run(observe('first', { contact: person('anna@klient.pl', 'Anna') })));
    await ok(desk.run(cmd({ type: 'followContact', email: 'anna@klient.pl', followed: true })));
    const timeline = desk.state.timeline.size;
    await ok(desk.run(observe('second', { contact: person(ACCOUNT), participants: [person('anna@klient.pl', 'Anna')] })));
    expect(desk.state.contacts.get('anna@klient.pl')).toMatchObject({ followed: true, name: 'Anna' });
    expect(desk.state.conversations.get(convId('second'))!.contactEmail).toBe('anna@klient.pl');
    // Only the new conversation's own entry: no false "contact created".
    expect([...desk.state.timeline.values()].slice(timeline).map((e) => e.field)).toEqual(['created']);
  });
});
