import { useEffect, useState } from 'preact/hooks';
import { useT } from '@/components/common/i18n';
import { Toast } from '@/components/common/toast';
import { AddPipelineForm } from '@/components/options/add-pipeline-form';
import { BehaviourSection } from '@/components/options/behaviour-section';
import { CustomProperties } from '@/components/options/custom-properties';
import { DisplayedProperties } from '@/components/options/displayed-properties';
import { HandOver, type TicketsInTheWay } from '@/components/options/hand-over';
import { PipelineCard } from '@/components/options/pipeline-card';
import { SettingsHistory } from '@/components/options/settings-history';
import { TeamSection } from '@/components/options/team-section';
import { defaultPipeline, isActive, pipelineLabel, stageLabel, ticketLabel, type Owner, type Settings, type Ticket } from '@/domain';
import type { Client } from '@/messaging/client';
import { PAGE_PATHS } from '@/messaging/page-urls';
import { bulkCommands, sendBulk, summarize, type BulkAction } from '@/pages/bulk';
import { useLiveQuery } from '@/pages/live-query';
import type { SidedeskDatabase } from '@/store/database';
import { useSettingsChanges } from './changes';
import { DataSection } from './DataSection';
import { HISTORY_SHOWN, loadOptions, NAMED_TICKETS, openTicketsOf, stageKey, ticketsInStage } from './model';

/** The page's sections, in the order of the side index. */
const SECTIONS = [
  { id: 'team', title: 'optTeam' },
  { id: 'pipelines', title: 'optPipelines' },
  { id: 'properties', title: 'optProperties' },
  { id: 'behaviour', title: 'optBehaviour' },
  { id: 'data', title: 'optData' },
  { id: 'history', title: 'optHistory' },
] as const;

type Leaving = { memberId: string };
type Deleting = { pipelineId: string; stageId: string };

const inTheWay = (tickets: readonly Ticket[]): TicketsInTheWay => ({
  count: tickets.length,
  named: tickets.slice(0, NAMED_TICKETS).map((x) => `${ticketLabel(x)} ${x.name}`),
});

/** Settings: the team, pipelines and stages, properties, behaviour, and what changed when. Each
 * change goes through the desk at once and says so. */
export function App({ db, call }: { db: SidedeskDatabase; call: Client }) {
  const t = useT();
  const model = useLiveQuery(() => loadOptions(db), [db]);
  useEffect(() => void (document.title = `Sidedesk — ${t('settingsTitle')}`), [t]);
  const { toast, toaster, change, setMe } = useSettingsChanges(call, db, model);
  const [leaving, setLeaving] = useState<Leaving | null>(null);
  const [deleting, setDeleting] = useState<Deleting | null>(null);
  const [progress, setProgress] = useState<{ done: number; total: number } | null>(null);
  // What stands in the way, read live while the agent decides (keyed, so another member's or
  // stage's list never shows for a moment).
  const leavingKey = leaving?.memberId ?? '';
  const owned = useLiveQuery(
    async () => (leavingKey ? { key: leavingKey, tickets: await openTicketsOf(db, leavingKey) } : null),
    [db, leavingKey],
  );
  const deletingKey = deleting ? stageKey(deleting.pipelineId, deleting.stageId) : '';
  const staged = useLiveQuery(
    async () => (deleting ? { key: deletingKey, tickets: await ticketsInStage(db, deleting.pipelineId, deleting.stageId) } : null),
    [db, deletingKey],
  );

  if (!model) {
    return (
      <main class="options">
        <p aria-busy="true">{t('loading')}</p>
      </main>
    );
  }
  const { settings } = model;
  const nameOf = (m: Owner) => m.name || m.email;

  /** Sends one command per ticket with progress; true when every one was stored (or already so). */
  async function moveAll(action: BulkAction, tickets: Ticket[]): Promise<boolean> {
    if (tickets.length === 0) return true;
    setProgress({ done: 0, total: tickets.length });
    const results = await sendBulk(call, bulkCommands(action, tickets, new Map()), model!.actor, (done, total) =>
      setProgress({ done, total }),
    );
    setProgress(null);
    const s = summarize(results);
    if (s.refused.length === 0) return true;
    toaster.error(t('optNotAllMoved', [s.refused.length, tickets.length, s.refused[0]!.message]));
    return false;
  }

  async function leave(member: Owner, to: string | null) {
    // Read again: a ticket given to them since the list was drawn goes with the others.
    const tickets = await openTicketsOf(db, member.id);
    const target = to ? settings.team.find((m) => m.id === to) : undefined;
    if (!(await moveAll({ kind: 'owner', ownerId: target?.id ?? null }, tickets))) return;
    const said =
      tickets.length > 0
        ? t('optDeactivatedMoved', [nameOf(member), tickets.length, target ? nameOf(target) : t('unassigned')])
        : t('optDeactivated', [nameOf(member)]);
    if (await change({ kind: 'setMemberActive', memberId: member.id, active: false }, said)) setLeaving(null);
  }

  async function deleteStage(pipelineId: string, stageId: string, to: string | null) {
    const pipeline = settings.pipelines.find((p) => p.id === pipelineId);
    const stage = pipeline?.stages.find((s) => s.id === stageId);
    if (!pipeline || !stage) return setDeleting(null);
    const label = stageLabel(stage, t, stageId);
    const tickets = await ticketsInStage(db, pipelineId, stageId);
    if (tickets.length > 0 && (!to || !(await moveAll({ kind: 'stage', stageId: to }, tickets)))) return;
    const target = pipeline.stages.find((s) => s.id === to);
    const said =
      tickets.length > 0 && target
        ? t('optStageDeletedMoved', [label, tickets.length, stageLabel(target, t, target.id)])
        : t('optStageDeleted', [label]);
    if (await change({ kind: 'deleteStage', pipelineId, stageId }, said)) setDeleting(null);
  }

  const leavingMember = leaving && settings.team.find((m) => m.id === leaving.memberId);
  const leavePanel = leavingMember && (
    <HandOver
      id="leave"
      tickets={owned?.key === leavingMember.id ? inTheWay(owned.tickets) : undefined}
      question={t('optLeaveNoTickets', [nameOf(leavingMember)])}
      questionWithTickets={(n, names) => t('optLeaveTickets', [nameOf(leavingMember), n, names])}
      hint={() => t('optLeaveHint')}
      choiceLabel={t('optGiveTo')}
      choices={[
        { value: '', label: t('unassigned') },
        ...settings.team.filter((m) => m.id !== leavingMember.id && isActive(m)).map((m) => ({ value: m.id, label: nameOf(m) })),
      ]}
      initial=""
      confirmLabel={t('optDeactivate')}
      confirmWithTicketsLabel={t('optGiveAndDeactivate')}
      progress={progress}
      onConfirm={(to) => void leave(leavingMember, to || null)}
      onCancel={() => setLeaving(null)}
    />
  );

  return (
    <div class="options">
      <nav class="options__index" aria-label={t('optIndex')}>
        <p class="options__brand">Sidedesk</p>
        <ul>
          {SECTIONS.map((s) => (
            <li key={s.id}>
              <a href={`#${s.id}`}>{t(s.title)}</a>
            </li>
          ))}
        </ul>
        <p class="options__back">
          <a href={PAGE_PATHS.tickets.slice(1)}>{t('allTickets')}</a>
        </p>
      </nav>
      <main class="options__main">
        <h1>{t('settingsTitle')}</h1>
        <p class="muted options__intro">{t('optIntro')}</p>

        <section id="team" class="card options-section" aria-labelledby="team-title" tabIndex={-1}>
          <h2 id="team-title">{t('optTeam')}</h2>
          <TeamSection
            team={settings.team}
            me={model.me}
            leaving={leavingMember ? { memberId: leavingMember.id, panel: leavePanel } : null}
            onAdd={(name, email) => change({ kind: 'addMember', name, email }, t('optMemberAdded', [name]))}
            onRename={(m, name) => void change({ kind: 'renameMember', memberId: m.id, name }, t('optRenamed', [name]))}
            onSetMe={(m) => void setMe(m?.id ?? null, m ? t('optMeSet', [nameOf(m)]) : t('optMeCleared'))}
            onDeactivate={(m) => (setDeleting(null), setLeaving({ memberId: m.id }))}
            onReactivate={(m) => void change({ kind: 'setMemberActive', memberId: m.id, active: true }, t('optReactivated', [nameOf(m)]))}
          />
        </section>

        <section id="pipelines" class="card options-section" aria-labelledby="pipelines-title" tabIndex={-1}>
          <h2 id="pipelines-title">{t('optPipelines')}</h2>
          <p class="hint">{t('optPipelinesHint')}</p>
          {settings.pipelines.map((p, i) => (
            <PipelineCard
              key={p.id}
              pipeline={p}
              index={i}
              count={settings.pipelines.length}
              isDefault={defaultPipeline(settings).id === p.id}
              tickets={(stageId) => model.stageCounts.get(stageKey(p.id, stageId)) ?? 0}
              deleting={
                deleting?.pipelineId === p.id ? { stageId: deleting.stageId, panel: stagePanel(settings, p.id, deleting.stageId) } : null
              }
              onRename={(label) => void change({ kind: 'renamePipeline', pipelineId: p.id, label }, t('optRenamed', [label]))}
              onMove={(by) => change({ kind: 'movePipeline', pipelineId: p.id, by }, t('optMoved', [pipelineLabel(p, t)]))}
              onSetDefault={() => void change({ kind: 'setDefaultPipeline', pipelineId: p.id }, t('optDefaultSet', [pipelineLabel(p, t)]))}
              onRenameStage={(s, label) =>
                void change({ kind: 'renameStage', pipelineId: p.id, stageId: s.id, label }, t('optRenamed', [label]))
              }
              onMoveStage={(s, by) =>
                change({ kind: 'moveStage', pipelineId: p.id, stageId: s.id, by }, t('optMoved', [stageLabel(s, t, s.id)]))
              }
              onStageState={(s, state) =>
                void change(
                  { kind: 'setStageState', pipelineId: p.id, stageId: s.id, state },
                  t(state === 'closed' ? 'optNowClosed' : 'optNowOpen', [stageLabel(s, t, s.id)]),
                )
              }
              onReopenStage={(s) =>
                void change({ kind: 'setReopenStage', pipelineId: p.id, stageId: s.id }, t('optReopenSet', [stageLabel(s, t, s.id)]))
              }
              onDeleteStage={(s) => {
                // The last open stage stays: a pipeline needs one for its tickets to be worked on.
                if (s.state === 'open' && p.stages.filter((x) => x.state === 'open').length === 1) {
                  return toaster.error(t('optLastOpenStage', [stageLabel(s, t, s.id)]));
                }
                setLeaving(null);
                setDeleting({ pipelineId: p.id, stageId: s.id });
              }}
              onAddStage={(label, state) =>
                change({ kind: 'addStage', pipelineId: p.id, label, state }, t('optStageAdded', [label, pipelineLabel(p, t)]))
              }
            />
          ))}
          <AddPipelineForm onAdd={(label) => change({ kind: 'addPipeline', label }, t('optPipelineAdded', [label]))} />
        </section>

        <section id="properties" class="card options-section" aria-labelledby="properties-title" tabIndex={-1}>
          <h2 id="properties-title">{t('optProperties')}</h2>
          <h3 class="subheading">{t('optDisplayedTitle')}</h3>
          <p class="hint">{t('optDisplayedHint')}</p>
          <DisplayedProperties
            displayed={settings.displayedProperties}
            custom={settings.customProperties ?? []}
            onSave={(properties) => change({ kind: 'setDisplayedProperties', properties }, t('displayedSaved'))}
          />
          <h3 class="subheading">{t('optCustomTitle')}</h3>
          <p class="hint">{t('optCustomHint')}</p>
          <CustomProperties
            properties={settings.customProperties ?? []}
            onAdd={(p) => change({ kind: 'addCustomProperty', ...p }, t('optPropertyAdded', [p.name]))}
            onRemove={(p) => void change({ kind: 'removeCustomProperty', name: p.name }, t('optPropertyRemoved', [p.name]))}
          />
        </section>

        <section id="behaviour" class="card options-section" aria-labelledby="behaviour-title" tabIndex={-1}>
          <h2 id="behaviour-title">{t('optBehaviour')}</h2>
          <BehaviourSection settings={settings} onChange={(c) => void change({ kind: 'setBehaviour', ...c }, t('optSaved'))} />
        </section>

        <section id="data" class="card options-section" aria-labelledby="data-title" tabIndex={-1}>
          <h2 id="data-title">{t('optData')}</h2>
          <DataSection db={db} call={call} settings={settings} toaster={toaster} />
        </section>
        <section id="history" class="card options-section" aria-labelledby="history-title" tabIndex={-1}>
          <h2 id="history-title">{t('optHistory')}</h2>
          <p class="hint">{t('optHistoryHint', [HISTORY_SHOWN])}</p>
          <SettingsHistory entries={model.history} team={settings.team} />
        </section>
      </main>
      <Toast message={toast} onDismiss={toaster.dismiss} />
    </div>
  );

  function stagePanel(s: Settings, pipelineId: string, stageId: string) {
    const pipeline = s.pipelines.find((p) => p.id === pipelineId);
    const stage = pipeline?.stages.find((x) => x.id === stageId);
    if (!pipeline || !stage) return null;
    const label = stageLabel(stage, t, stage.id);
    const others = pipeline.stages.filter((x) => x.id !== stage.id);
    // Same state first: tickets moved from a closed stage to another stay closed, and the
    // conversations of open ones stay open.
    const initial = others.find((x) => x.state === stage.state) ?? others[0];
    return (
      <HandOver
        id="delete-stage"
        tickets={staged?.key === stageKey(pipelineId, stageId) ? inTheWay(staged.tickets) : undefined}
        question={t('optDeleteStageEmpty', [label])}
        questionWithTickets={(n, names) => t('optDeleteStageTickets', [n, label, names])}
        hint={(to) => (others.find((x) => x.id === to)?.state === 'closed' ? t('optMoveIntoClosedHint') : t('bulkEachItsRules'))}
        choiceLabel={t('optMoveTo')}
        choices={others.map((x) => ({ value: x.id, label: stageLabel(x, t, x.id) }))}
        initial={initial?.id ?? ''}
        confirmLabel={t('optDeleteStage')}
        confirmWithTicketsLabel={t('optMoveAndDelete')}
        progress={progress}
        onConfirm={(to) => void deleteStage(pipelineId, stageId, to)}
        onCancel={() => setDeleting(null)}
      />
    );
  }
}
