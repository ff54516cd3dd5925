import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PROPERTY_TYPES } from '@/components/options/custom-properties';
import { describeChange, whoIs } from '@/entrypoints/options/changes';
import {
  HISTORY_SHOWN,
  isOpenTicket,
  loadOptions,
  openTicketsOf,
  SETTINGS_KINDS,
  stageKey,
  ticketsInStage,
} from '@/entrypoints/options/model';
import { readSettings } from '@/store/settings';
import { COLLEAGUE, convId, observe, rid } from '@/test/support/builders';
import { createTestDesk } from '@/test/support/store';
import { english } from '@/test/support/translate';

type Env = Awaited<ReturnType<typeof createTestDesk>>;

async function ticket(env: Env, thread: string, name: string, over: { stageId?: string; ownerId?: string | null } = {}) {
  await env.desk.execute(observe(thread));
  const created = await env.desk.execute({
    type: 'createTicket',
    requestId: rid(),
    actor: 'agent',
    conversationId: convId(thread),
    draft: { name, ...over },
  });
  if (!created.ok) throw new Error(created.error.message);
  return created.data.ticket!;
}

async function changeSettings(env: Env, change: Record<string, unknown>, actor = 'agent') {
  env.tick();
  const rev = (await readSettings(env.db)).rev ?? 0;
  const done = await env.desk.execute({ type: 'changeSettings', requestId: rid(), actor, rev, change } as never);
  if (!done.ok) throw new Error(done.error.message);
}

describe('the options page model', () => {
  it('counts the tickets of each stage, knows who "me" is, and acts as them', async () => {
    const env = await createTestDesk();
    await ticket(env, 'a', 'First');
    await ticket(env, 'b', 'Second');
    await ticket(env, 'c', 'Done', { stageId: 'closed' });
    let model = await loadOptions(env.db);
    expect(model.stageCounts.get(stageKey('support', 'new'))).toBe(2);
    expect(model.stageCounts.get(stageKey('support', 'closed'))).toBe(1);
    expect(model.stageCounts.get(stageKey('support', 'waiting-on-us'))).toBe(0);
    expect(model.me).toBeNull();
    // Before anyone is marked, the page acts as the account this browser reads mail as.
    expect(model.actor).toBe('agent@sidedesk.test');

    await env.desk.execute({ type: 'setMe', requestId: rid(), actor: 'agent', memberId: COLLEAGUE });
    model = await loadOptions(env.db);
    expect(model.me).toBe(COLLEAGUE);
    expect(model.actor).toBe(COLLEAGUE);
  });

  it('reads the settings history newest first, the last fifty only', async () => {
    const env = await createTestDesk();
    for (let i = 0; i < HISTORY_SHOWN + 5; i++) {
      await changeSettings(env, { kind: 'renameMember', memberId: COLLEAGUE, name: `Name ${i}` });
    }
    await changeSettings(env, { kind: 'addStage', pipelineId: 'support', label: 'Escalated', state: 'open' }, COLLEAGUE);
    // A ticket's own change is not a settings change.
    await ticket(env, 'a', 'First');
    const { history } = await loadOptions(env.db);
    expect(history).toHaveLength(HISTORY_SHOWN);
    expect(history[0]).toMatchObject({ field: 'settings.addStage', actor: COLLEAGUE, from: null, to: 'Support pipeline: Escalated' });
    expect(history[1]).toMatchObject({ field: 'settings.renameMember', to: `Name ${HISTORY_SHOWN + 4}` });
    expect(history.at(-1)).toMatchObject({ to: 'Name 6' });
    expect(describeChange(history[1]!, english)).toBe(`Member renamed: Name ${HISTORY_SHOWN + 3} → Name ${HISTORY_SHOWN + 4}`);
    expect(describeChange(history[0]!, english)).toBe('Stage added: — → Support pipeline: Escalated');
  });

  it("a member's open tickets are those in open stages, oldest number first", async () => {
    const env = await createTestDesk();
    const b = await ticket(env, 'b', 'B', { ownerId: COLLEAGUE });
    const a = await ticket(env, 'a', 'A', { ownerId: COLLEAGUE, stageId: 'waiting-on-us' });
    await ticket(env, 'c', 'Closed one', { ownerId: COLLEAGUE, stageId: 'closed' });
    await ticket(env, 'd', 'Someone else’s');
    const open = await openTicketsOf(env.db, COLLEAGUE);
    expect(open.map((t) => t.id)).toEqual([b.id, a.id]);
    expect(open.map((t) => t.name)).toEqual(['B', 'A']);
    const settings = await readSettings(env.db);
    expect(isOpenTicket(settings, { ...open[0]!, stageId: 'gone' })).toBe(true);
    expect(isOpenTicket(settings, { ...open[0]!, stageId: 'closed' })).toBe(false);
  });

  it('the tickets of a stage, by their pipeline and stage', async () => {
    const env = await createTestDesk();
    await ticket(env, 'a', 'A');
    await ticket(env, 'b', 'B', { stageId: 'closed' });
    expect((await ticketsInStage(env.db, 'support', 'new')).map((t) => t.name)).toEqual(['A']);
    expect(await ticketsInStage(env.db, 'other', 'new')).toEqual([]);
  });

  it('names who changed the settings by their name on the team, or by their id', () => {
    expect(whoIs(COLLEAGUE, [{ id: COLLEAGUE, name: 'Colleague', email: COLLEAGUE }])).toBe('Colleague');
    expect(whoIs('sidedesk', [])).toBe('sidedesk');
  });
});

describe('one list: every settings change and property type has its words', () => {
  const locale = (lang: string) =>
    JSON.parse(readFileSync(join(import.meta.dirname, `../../../../public/_locales/${lang}/messages.json`), 'utf8')) as Record<
      string,
      unknown
    >;

  it.each(['en', 'pl'])('in %s', (lang) => {
    const messages = locale(lang);
    expect(SETTINGS_KINDS.length).toBeGreaterThan(15);
    const wanted = [...SETTINGS_KINDS.map((k) => `settings_${k}`), ...PROPERTY_TYPES.map((p) => `optType_${p}`)];
    expect(wanted.filter((key) => !Object.hasOwn(messages, key))).toEqual([]);
  });
});
