import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { applySettingsChange, DEFAULT_SETTINGS, Settings, settingsRev, type SettingsChangeInput } from '@/domain';
import { readSettings } from '@/store/settings';
import { COLLEAGUE, observe, rid } from '@/test/support/builders';
import { createTestDesk } from '@/test/support/store';

async function setup() {
  const env = await createTestDesk();
  const change = async (c: SettingsChangeInput, rev?: number, requestId = rid()) =>
    env.desk.execute({
      type: 'changeSettings',
      requestId,
      actor: 'agent@sidedesk.test',
      rev: rev ?? settingsRev(await readSettings(env.db)),
      change: c,
    });
  return { ...env, change, settings: () => readSettings(env.db) };
}

describe('settings through the desk', () => {
  it('each change is stored with the next revision and recorded on the settings timeline (who, what, when)', async () => {
    const env = await setup();
    const before = await env.settings();
    expect((await env.change({ kind: 'renameStage', pipelineId: 'support', stageId: 'new', label: '  Nowe  ' })).ok).toBe(true);
    const after = await env.settings();
    expect(settingsRev(after)).toBe(settingsRev(before) + 1);
    expect(after.pipelines[0]!.stages[0]!.label).toBe('Nowe');
    const entries = await env.db.timeline.where('field').startsWith('settings.').toArray();
    expect(entries).toEqual([
      expect.objectContaining({
        field: 'settings.renameStage',
        from: 'Support pipeline: New',
        to: 'Support pipeline: Nowe',
        actor: 'agent@sidedesk.test',
        ticketId: null,
      }),
    ]);
  });

  it('a change made on a stale copy is a conflict and writes nothing; the same request id applied twice is one change', async () => {
    const env = await setup();
    const rev = settingsRev(await env.settings());
    const id = rid();
    expect((await env.change({ kind: 'addMember', name: 'Ola', email: 'ola@sidedesk.test' }, rev, id)).ok).toBe(true);
    const replay = await env.change({ kind: 'addMember', name: 'Ola', email: 'ola@sidedesk.test' }, rev, id);
    expect(replay).toMatchObject({ ok: true, replayed: true });
    const stale = await env.change({ kind: 'setBehaviour', notifications: false }, rev);
    expect(stale).toMatchObject({ ok: false, error: { code: 'conflict' } });
    const now = await env.settings();
    expect(now.notifications).toBe(true);
    expect(now.team.filter((m) => m.email === 'ola@sidedesk.test')).toHaveLength(1);
  });

  it('an observation that adds this browser’s account to the team cannot be overwritten by a page holding the copy before', async () => {
    const env = await setup();
    const shown = settingsRev(await env.settings());
    await env.desk.execute(observe('a', { account: 'new-agent@sidedesk.test' }));
    expect((await env.settings()).team.some((m) => m.id === 'new-agent@sidedesk.test')).toBe(true);
    expect(await env.change({ kind: 'setDisplayedProperties', properties: ['priority'] }, shown)).toMatchObject({
      ok: false,
      error: { code: 'conflict' },
    });
    expect((await env.settings()).team.some((m) => m.id === 'new-agent@sidedesk.test')).toBe(true);
  });

  it('team: add, rename, deactivate (kept, offered no new work), reactivate; mark who is me in this browser', async () => {
    const env = await setup();
    expect((await env.change({ kind: 'addMember', name: 'Ola', email: 'ola@sidedesk.test' })).ok).toBe(true);
    expect(await env.change({ kind: 'addMember', name: 'Ola again', email: 'ola@sidedesk.test' })).toMatchObject({
      ok: false,
      error: { code: 'invalid' },
    });
    await env.change({ kind: 'renameMember', memberId: 'ola@sidedesk.test', name: 'Ola Nowak' });
    await env.change({ kind: 'setMemberActive', memberId: COLLEAGUE, active: false });
    const team = (await env.settings()).team;
    expect(team.find((m) => m.id === 'ola@sidedesk.test')?.name).toBe('Ola Nowak');
    expect(team.find((m) => m.id === COLLEAGUE)?.active).toBe(false);
    // A member who left gets no new tickets, and cannot be "me".
    const conv = await env.desk.execute(observe('a'));
    const created = await env.desk.execute({
      type: 'createTicket',
      requestId: rid(),
      actor: 'a',
      conversationId: (conv as { ok: true; data: { conversation: { id: string } } }).data.conversation.id,
      draft: {},
    });
    const ticket = (created as { ok: true; data: { ticket: { id: string; rev: number } } }).data.ticket;
    expect(
      await env.desk.execute({
        type: 'setTicketOwner',
        requestId: rid(),
        actor: 'a',
        ticketId: ticket.id,
        rev: ticket.rev,
        ownerId: COLLEAGUE,
      }),
    ).toMatchObject({
      ok: false,
      error: { message: expect.stringContaining('has left the team') },
    });
    expect(await env.desk.execute({ type: 'setMe', requestId: rid(), actor: 'a', memberId: COLLEAGUE })).toMatchObject({ ok: false });
    await env.change({ kind: 'setMemberActive', memberId: COLLEAGUE, active: true });
    expect((await env.settings()).team.find((m) => m.id === COLLEAGUE)).not.toHaveProperty('active');
    expect((await env.desk.execute({ type: 'setMe', requestId: rid(), actor: 'a', memberId: 'ola@sidedesk.test' })).ok).toBe(true);
    expect((await env.db.local.get('me'))?.value).toBe('ola@sidedesk.test');
  });

  it('pipelines and stages: add, rename, reorder, default, reopen stage; a stage with tickets is neither deleted nor switched', async () => {
    const env = await setup();
    await env.change({ kind: 'addPipeline', label: 'Sprzedaż' });
    let s = await env.settings();
    const sales = s.pipelines[1]!;
    expect(sales).toMatchObject({ id: 'sprzedaz', label: 'Sprzedaż' });
    await env.change({ kind: 'addStage', pipelineId: 'sprzedaz', label: 'Oferta', state: 'open' });
    await env.change({ kind: 'moveStage', pipelineId: 'sprzedaz', stageId: 'oferta', by: -1 });
    await env.change({ kind: 'movePipeline', pipelineId: 'sprzedaz', by: -1 });
    await env.change({ kind: 'setDefaultPipeline', pipelineId: 'support' });
    await env.change({ kind: 'setReopenStage', pipelineId: 'support', stageId: 'new' });
    s = await env.settings();
    expect(s.pipelines.map((p) => p.id)).toEqual(['sprzedaz', 'support']);
    expect(s.pipelines[0]!.stages.map((x) => x.id)).toEqual(['oferta', 'new', 'closed']);
    expect(s.defaultPipelineId).toBe('support');
    expect(s.pipelines[1]!.reopenStageId).toBe('new');
    expect(await env.change({ kind: 'setReopenStage', pipelineId: 'support', stageId: 'closed' })).toMatchObject({ ok: false });
    // New tickets go to the default pipeline, not the first.
    const conv = (await env.desk.execute(observe('a'))) as { ok: true; data: { conversation: { id: string } } };
    const created = (await env.desk.execute({
      type: 'createTicket',
      requestId: rid(),
      actor: 'a',
      conversationId: conv.data.conversation.id,
      draft: {},
    })) as {
      ok: true;
      data: { ticket: { pipelineId: string; stageId: string } };
    };
    expect(created.data.ticket).toMatchObject({ pipelineId: 'support', stageId: 'new' });
    expect(await env.change({ kind: 'deleteStage', pipelineId: 'support', stageId: 'new' })).toMatchObject({
      ok: false,
      error: { message: expect.stringContaining('1 ticket(s) are in stage New') },
    });
    expect(await env.change({ kind: 'setStageState', pipelineId: 'support', stageId: 'new', state: 'closed' })).toMatchObject({
      ok: false,
    });
    expect((await env.change({ kind: 'deleteStage', pipelineId: 'support', stageId: 'waiting-on-contact' })).ok).toBe(true);
    expect(await env.change({ kind: 'deleteStage', pipelineId: 'sprzedaz', stageId: 'oferta' })).toMatchObject({ ok: true });
    expect(await env.change({ kind: 'deleteStage', pipelineId: 'sprzedaz', stageId: 'new' })).toMatchObject({
      ok: false,
      error: { message: 'A pipeline needs at least one open stage.' },
    });
  });

  it('custom properties with a type; removing one leaves the tickets’ values as free properties', async () => {
    const env = await setup();
    expect((await env.change({ kind: 'addCustomProperty', name: 'Plan', type: 'choice', choices: ['Gold', 'Silver', 'Gold'] })).ok).toBe(
      true,
    );
    expect(await env.change({ kind: 'addCustomProperty', name: 'plan', type: 'text' })).toMatchObject({ ok: false });
    expect(await env.change({ kind: 'addCustomProperty', name: 'Empty', type: 'choice', choices: [] })).toMatchObject({ ok: false });
    expect((await env.settings()).customProperties).toEqual([{ name: 'Plan', type: 'choice', choices: ['Gold', 'Silver'] }]);
    expect((await env.change({ kind: 'removeCustomProperty', name: 'Plan' })).ok).toBe(true);
    expect((await env.settings()).customProperties).toEqual([]);
  });

  it('behaviour: notifications, reopen on reply, trash kept N days or forever, the badge', async () => {
    const env = await setup();
    await env.change({ kind: 'setBehaviour', trashRetentionDays: null, badge: 'my-open', reopenOnReply: false });
    expect(await env.settings()).toMatchObject({ trashRetentionDays: null, badge: 'my-open', reopenOnReply: false });
    expect(await env.change({ kind: 'setBehaviour', trashRetentionDays: 0 } as never)).toMatchObject({
      ok: false,
      error: { code: 'invalid' },
    });
    // Asked for what already is: nothing stored, nothing recorded.
    const rev = settingsRev(await env.settings());
    expect(await env.change({ kind: 'setBehaviour', badge: 'my-open' })).toMatchObject({ ok: true, data: { changed: false } });
    expect(settingsRev(await env.settings())).toBe(rev);
  });
});

const arbitraryChange = fc.oneof(
  fc.record({
    kind: fc.constant('addStage' as const),
    pipelineId: fc.constantFrom('support', 'p2'),
    label: fc.string({ minLength: 1, maxLength: 8 }),
    state: fc.constantFrom('open' as const, 'closed' as const),
  }),
  fc.record({
    kind: fc.constant('deleteStage' as const),
    pipelineId: fc.constantFrom('support', 'p2'),
    stageId: fc.constantFrom('new', 'closed', 'waiting-on-us', 'a', 'b'),
  }),
  fc.record({
    kind: fc.constant('setStageState' as const),
    pipelineId: fc.constant('support'),
    stageId: fc.constantFrom('new', 'closed', 'waiting-on-us'),
    state: fc.constantFrom('open' as const, 'closed' as const),
  }),
  fc.record({
    kind: fc.constant('moveStage' as const),
    pipelineId: fc.constant('support'),
    stageId: fc.constantFrom('new', 'closed'),
    by: fc.constantFrom(-1 as const, 1 as const),
  }),
  fc.record({ kind: fc.constant('addPipeline' as const), label: fc.string({ minLength: 1, maxLength: 8 }) }),
  fc.record({
    kind: fc.constant('setReopenStage' as const),
    pipelineId: fc.constant('support'),
    stageId: fc.constantFrom('new', 'closed', 'waiting-on-us'),
  }),
  fc.record({
    kind: fc.constant('addMember' as const),
    name: fc.string({ minLength: 1, maxLength: 5 }),
    email: fc.constantFrom('a@b.pl', 'c@d.pl'),
  }),
  fc.record({ kind: fc.constant('setMemberActive' as const), memberId: fc.constantFrom('a@b.pl', 'c@d.pl'), active: fc.boolean() }),
);

describe('settings changes, any sequence', () => {
  it('never leave settings the schema refuses: every pipeline keeps an open stage, a reopen stage that is open, unique ids', () => {
    fc.assert(
      fc.property(fc.array(arbitraryChange, { maxLength: 25 }), fc.array(fc.nat(3), { maxLength: 25 }), (changes, counts) => {
        let settings: Settings = structuredClone(DEFAULT_SETTINGS);
        let n = 0;
        changes.forEach((change, i) => {
          const applied = applySettingsChange(settings, change as never, { newId: () => `id-${++n}`, ticketsInStage: counts[i] ?? 0 });
          if (!applied.ok) return;
          settings = Settings.parse(applied.settings);
          for (const p of settings.pipelines) {
            if (p.reopenStageId) expect(p.stages.find((s) => s.id === p.reopenStageId)?.state).toBe('open');
          }
        });
      }),
    );
  });
});
