import type { ComponentChildren } from 'preact';
import { useState } from 'preact/hooks';
import { useT } from '@/components/common/i18n';
import { InlineText } from '@/components/common/inline-text';
import { pipelineLabel, reopenStageOf, stageLabel, type Pipeline, type Stage } from '@/domain';

export interface PipelineCardProps {
  pipeline: Pipeline;
  index: number;
  count: number;
  isDefault: boolean;
  /** How many tickets each stage holds, by stage id. */
  tickets: (stageId: string) => number;
  /** The stage being deleted, and what is shown under it meanwhile (its tickets, where they go). */
  deleting: { stageId: string; panel: ComponentChildren } | null;
  onRename: (label: string) => void;
  onMove: (by: -1 | 1) => Promise<boolean>;
  onSetDefault: () => void;
  onRenameStage: (stage: Stage, label: string) => void;
  onMoveStage: (stage: Stage, by: -1 | 1) => Promise<boolean>;
  onStageState: (stage: Stage, state: 'open' | 'closed') => void;
  onReopenStage: (stage: Stage) => void;
  onDeleteStage: (stage: Stage) => void;
  onAddStage: (label: string, state: 'open' | 'closed') => Promise<boolean>;
}

/** Focuses a move button once the list shows the new order; the other direction at either end. */
function focusMoved(id: string, other: string) {
  const el = document.getElementById(id) as HTMLButtonElement | null;
  (el && !el.disabled ? el : document.getElementById(other))?.focus();
}

/** One pipeline: its name, place and default; its stages in order, each open or closed, the one
 * closed tickets reopen into; add, rename, move and delete stages. */
export function PipelineCard(props: PipelineCardProps) {
  const { pipeline: p, index, count, isDefault, tickets, deleting } = props;
  const t = useT();
  const reopen = reopenStageOf(p);
  const moveId = (stage: string, by: number) => `move-${p.id}-${stage}-${by < 0 ? 'up' : 'down'}`;
  return (
    <section class="pipeline" aria-labelledby={`pipeline-${p.id}`} data-pipeline={p.id}>
      <div class="pipeline__head">
        <h3 id={`pipeline-${p.id}`} class="pipeline__name">
          <InlineText value={pipelineLabel(p, t)} label={t('optPipelineName')} onSave={props.onRename} />
        </h3>
        {isDefault ? (
          <span class="tag tag--default">{t('optDefaultPipeline')}</span>
        ) : (
          <button type="button" onClick={props.onSetDefault}>
            {t('optMakeDefault')}
            <span class="sr-only"> ({pipelineLabel(p, t)})</span>
          </button>
        )}
        <span class="order">
          <button
            type="button"
            id={moveId('', -1)}
            aria-label={t('moveUp', [pipelineLabel(p, t)])}
            disabled={index === 0}
            onClick={async () => (await props.onMove(-1)) && focusMoved(moveId('', -1), moveId('', 1))}
          >
            ↑
          </button>
          <button
            type="button"
            id={moveId('', 1)}
            aria-label={t('moveDown', [pipelineLabel(p, t)])}
            disabled={index === count - 1}
            onClick={async () => (await props.onMove(1)) && focusMoved(moveId('', 1), moveId('', -1))}
          >
            ↓
          </button>
        </span>
      </div>
      <table class="options-table stages-table">
        <caption class="sr-only">{t('optStagesOf', [pipelineLabel(p, t)])}</caption>
        <thead>
          <tr>
            <th scope="col">{t('stage')}</th>
            <th scope="col" class="num">
              {t('optTickets')}
            </th>
            <th scope="col">{t('optClosedColumn')}</th>
            <th scope="col">{t('optReopenColumn')}</th>
            <th scope="col">
              <span class="sr-only">{t('optActions')}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {p.stages.map((s, i) => {
            const label = stageLabel(s, t, s.id);
            const n = tickets(s.id);
            return [
              <tr key={s.id} data-stage={s.id} data-state={s.state}>
                <td class="stage" data-state={s.state}>
                  <InlineText value={label} label={t('optStageName')} onSave={(next) => props.onRenameStage(s, next)} />
                </td>
                <td class="num">{n}</td>
                <td>
                  <label class="check">
                    <input
                      type="checkbox"
                      checked={s.state === 'closed'}
                      onChange={(e) => props.onStageState(s, e.currentTarget.checked ? 'closed' : 'open')}
                    />
                    <span class="sr-only">{label}: </span>
                    {t('optClosedSwitch')}
                  </label>
                </td>
                <td>
                  {s.state === 'open' ? (
                    <label class="check">
                      <input type="radio" name={`reopen-${p.id}`} checked={reopen.id === s.id} onChange={() => props.onReopenStage(s)} />
                      <span class="sr-only">{t('optReopenInto', [label])}</span>
                    </label>
                  ) : (
                    <span class="muted" aria-hidden="true">
                      —
                    </span>
                  )}
                </td>
                <td class="row-actions">
                  <span class="order">
                    <button
                      type="button"
                      id={moveId(s.id, -1)}
                      aria-label={t('moveUp', [label])}
                      disabled={i === 0}
                      onClick={async () => (await props.onMoveStage(s, -1)) && focusMoved(moveId(s.id, -1), moveId(s.id, 1))}
                    >
                      ↑
                    </button>
                    <button
                      type="button"
                      id={moveId(s.id, 1)}
                      aria-label={t('moveDown', [label])}
                      disabled={i === p.stages.length - 1}
                      onClick={async () => (await props.onMoveStage(s, 1)) && focusMoved(moveId(s.id, 1), moveId(s.id, -1))}
                    >
                      ↓
                    </button>
                  </span>
                  <button type="button" class="danger" aria-expanded={deleting?.stageId === s.id} onClick={() => props.onDeleteStage(s)}>
                    {t('optDelete')}
                    <span class="sr-only"> ({label})</span>
                  </button>
                </td>
              </tr>,
              deleting?.stageId === s.id && (
                <tr key={`${s.id}-delete`} class="subrow">
                  <td colSpan={5}>{deleting.panel}</td>
                </tr>
              ),
            ];
          })}
        </tbody>
      </table>
      <AddStageForm pipeline={p} onAdd={props.onAddStage} />
    </section>
  );
}

function AddStageForm({ pipeline, onAdd }: { pipeline: Pipeline; onAdd: (label: string, state: 'open' | 'closed') => Promise<boolean> }) {
  const t = useT();
  const [label, setLabel] = useState('');
  const [state, setState] = useState<'open' | 'closed'>('open');
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);
  const errorId = `add-stage-${pipeline.id}-error`;
  return (
    <form
      class="inline-form"
      aria-label={t('optAddStageTo', [pipelineLabel(pipeline, t)])}
      noValidate
      onSubmit={async (e) => {
        e.preventDefault();
        const form = e.currentTarget;
        const clean = label.trim();
        if (!clean) return setError(t('optNameNeeded'));
        setError('');
        setBusy(true);
        const added = await onAdd(clean, state);
        setBusy(false);
        if (!added) return;
        setLabel('');
        form.querySelector<HTMLInputElement>('input')?.focus();
      }}
    >
      <div class="inline-form__fields">
        <label class="field">
          <span>{t('optNewStage')}</span>
          <input
            value={label}
            maxLength={200}
            autoComplete="off"
            aria-invalid={!!error}
            aria-describedby={error ? errorId : undefined}
            onInput={(e) => setLabel(e.currentTarget.value)}
          />
        </label>
        <label class="field">
          <span>{t('optStageKind')}</span>
          <select value={state} onChange={(e) => setState(e.currentTarget.value as 'open' | 'closed')}>
            <option value="open">{t('optOpenStage')}</option>
            <option value="closed">{t('optClosedStage')}</option>
          </select>
        </label>
        <button type="submit" disabled={busy}>
          {t('optAddStage')}
        </button>
      </div>
      <p id={errorId} class="form-error" role="alert">
        {error}
      </p>
    </form>
  );
}
