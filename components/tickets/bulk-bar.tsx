import type { Ref } from 'preact';
import { pipelineLabel, stageLabel, type Priority, type Settings } from '@/domain';
import { useT } from '@/components/common/i18n';

/** What the bar asks for; the page confirms it and sends one command per ticket. */
export type BulkChoice =
  | { kind: 'stage'; stageId: string }
  | { kind: 'owner'; ownerId: string | null }
  | { kind: 'priority'; priority: Priority }
  | { kind: 'trash' };

export interface BulkBarProps {
  count: number;
  /** How many tickets the view matches, when more than are shown (null: not counted). */
  matching: number | null;
  allMatching: boolean;
  settings: Settings;
  progress: { done: number; total: number } | null;
  onChoose: (choice: BulkChoice) => void;
  onSelectMatching: () => void;
  onClear: () => void;
  /** The stage control, so a key can take the focus to it. */
  stageRef?: Ref<HTMLSelectElement>;
  ownerRef?: Ref<HTMLSelectElement>;
  priorityRef?: Ref<HTMLSelectElement>;
}

const PRIORITIES: Priority[] = ['urgent', 'high', 'medium', 'low'];

/** The selection's actions: set stage, owner or priority, or move to the trash; progress while sent. */
export function BulkBar(props: BulkBarProps) {
  const { count, matching, allMatching, settings, progress, onChoose, onSelectMatching, onClear } = props;
  const t = useT();
  const busy = progress !== null;
  return (
    <div class="bulk-bar" role="toolbar" aria-label={t('bulkActions')}>
      <strong>{t('selectedCount', [count])}</strong>
      {!allMatching && matching !== null && matching > count && (
        <button type="button" class="link" onClick={onSelectMatching} disabled={busy}>
          {t('selectAllMatching', [matching])}
        </button>
      )}
      <select
        ref={props.stageRef}
        aria-label={t('bulkSetStage')}
        name="bulk-stage"
        value=""
        disabled={busy}
        onChange={(e) => e.currentTarget.value && onChoose({ kind: 'stage', stageId: e.currentTarget.value })}
      >
        <option value="">{t('bulkSetStage')}</option>
        {settings.pipelines.map((p) => (
          <optgroup key={p.id} label={pipelineLabel(p, t)}>
            {p.stages.map((s) => (
              <option key={s.id} value={s.id}>
                {stageLabel(s, t)}
              </option>
            ))}
          </optgroup>
        ))}
      </select>
      <select
        ref={props.ownerRef}
        aria-label={t('bulkSetOwner')}
        name="bulk-owner"
        value=""
        disabled={busy}
        onChange={(e) => {
          const v = e.currentTarget.value;
          if (v) onChoose({ kind: 'owner', ownerId: v === '-' ? null : v });
        }}
      >
        <option value="">{t('bulkSetOwner')}</option>
        <option value="-">{t('unassigned')}</option>
        {settings.team
          .filter((m) => m.active !== false)
          .map((m) => (
            <option key={m.id} value={m.id}>
              {m.name || m.email}
            </option>
          ))}
      </select>
      <select
        ref={props.priorityRef}
        aria-label={t('bulkSetPriority')}
        name="bulk-priority"
        value=""
        disabled={busy}
        onChange={(e) => e.currentTarget.value && onChoose({ kind: 'priority', priority: e.currentTarget.value as Priority })}
      >
        <option value="">{t('bulkSetPriority')}</option>
        {PRIORITIES.map((p) => (
          <option key={p} value={p}>
            {t(`priority_${p}`)}
          </option>
        ))}
      </select>
      <button type="button" class="danger" disabled={busy} onClick={() => onChoose({ kind: 'trash' })}>
        {t('bulkTrash')}
      </button>
      <button type="button" class="link" disabled={busy} onClick={onClear}>
        {t('clearSelection')}
      </button>
      {progress && (
        <span class="bulk-bar__progress">
          <progress max={progress.total} value={progress.done} aria-label={t('bulkProgressLabel')} />{' '}
          {t('bulkProgress', [progress.done, progress.total])}
        </span>
      )}
    </div>
  );
}
