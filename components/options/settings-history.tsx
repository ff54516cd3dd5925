import { useT } from '@/components/common/i18n';
import { formatDateTime } from '@/components/common/format';
import type { Owner, TimelineEntry } from '@/domain';

/** The settings' own timeline: who changed what, when, from what to what; newest first. */
export function SettingsHistory({ entries, team }: { entries: readonly TimelineEntry[]; team: readonly Owner[] }) {
  const t = useT();
  if (entries.length === 0) return <p class="muted">{t('noChanges')}</p>;
  const show = (v: TimelineEntry['from']) => (v === null || v === '' ? '—' : String(v));
  return (
    <ol class="timeline settings-history">
      {entries.map((e) => {
        const kind = e.field.slice('settings.'.length);
        return (
          <li key={e.id} data-kind={kind}>
            <div class="timeline__what">
              {t(`settings_${kind}`)}:{' '}
              {e.from !== null && e.from !== '' && (
                <>
                  <s>{show(e.from)}</s> →{' '}
                </>
              )}
              <strong>{show(e.to)}</strong>
            </div>
            <div class="muted">
              {team.find((m) => m.id === e.actor)?.name || e.actor} · {formatDateTime(e.at)}
            </div>
          </li>
        );
      })}
    </ol>
  );
}
