import type { Owner, Stage, TimelineEntry } from '@/domain';
import { useT } from '@/components/common/i18n';
import { stageLabel } from '@/domain/zod-free/stage-label';
import { formatDateTime } from '@/components/common/format';

export interface TimelineProps {
  entries: TimelineEntry[];
  stages: Stage[];
  team: Owner[];
  /** Subjects of the ticket's conversations, to say which one an entry is about. */
  subjects: Map<string, string>;
}

const keyOf = (text: string) => text.replace(/[^A-Za-z0-9_@]/g, '_');

/** Every change of the ticket: who, when, what from what to what, and the rule behind a cascade. */
export function Timeline({ entries, stages, team, subjects }: TimelineProps) {
  const t = useT();
  const show = (field: string, value: TimelineEntry['from']): string => {
    if (value === null || value === '') return '—';
    if (field === 'stageId')
      return stageLabel(
        stages.find((s) => s.id === value),
        t,
        String(value),
      );
    if (field === 'ownerId') return team.find((m) => m.id === value)?.name ?? String(value);
    if (field === 'state') return value === 'open' ? t('stateOpen') : t('stateClosed');
    if (field === 'priority') return t(`priority_${value}`);
    return String(value);
  };
  const fieldLabel = (field: string) => (field.startsWith('properties.') ? field.slice(11) : t(`field_${keyOf(field)}`));
  if (entries.length === 0) return <p class="muted">{t('noChanges')}</p>;
  return (
    <ol class="timeline">
      {entries.map((e) => (
        <li key={e.id} data-field={e.field} data-rule={e.rule ?? ''}>
          <div class="timeline__what">
            {e.field === 'ticketId' ? (
              <span>{t('event_linked', [subjects.get(e.conversationId ?? '') ?? t('noSubject')])}</span>
            ) : e.field === 'created' || e.field === 'deleted' || e.field === 'restored' ? (
              <span>{t(`event_${e.field}${e.conversationId ? '_conversation' : ''}`)}</span>
            ) : (
              <span>
                {fieldLabel(e.field)}
                {e.conversationId && subjects.has(e.conversationId) ? ` “${subjects.get(e.conversationId)}”` : ''}:{' '}
                <s>{show(e.field, e.from)}</s> → <strong>{show(e.field, e.to)}</strong>
              </span>
            )}
            {e.rule && <span class="timeline__rule"> {t(`rule_${keyOf(e.rule)}`)}</span>}
          </div>
          <div class="muted">
            {team.find((m) => m.id === e.actor)?.name ?? e.actor} · {formatDateTime(e.at)}
          </div>
        </li>
      ))}
    </ol>
  );
}
