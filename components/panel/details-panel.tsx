import { useState } from 'preact/hooks';
import { displayableProperties, moveProperty, propertyValue, type Owner, type Ticket } from '@/domain';
import { useT } from '@/components/common/i18n';
import { formatDateTime } from '@/components/common/format';

export interface DetailsPanelProps {
  ticket: Ticket;
  displayed: string[];
  team: Owner[];
  onSaveDisplayed: (order: string[]) => void;
}

/** "View more": the properties the user chose, in the user's order (rule 7). */
export function DetailsPanel({ ticket, displayed, team, onSaveDisplayed }: DetailsPanelProps) {
  const t = useT();
  const [editing, setEditing] = useState<string[] | null>(null);
  const label = (key: string) => (key.startsWith('properties.') ? key.slice(11) : t(`prop_${key}`));
  const show = (key: string): string => {
    const v = propertyValue(ticket, key);
    if (v === null || v === '') return '—';
    if (key.endsWith('At') && typeof v === 'number') return formatDateTime(v);
    if (key === 'ownerId') return team.find((m) => m.id === v)?.name ?? String(v);
    if (key === 'priority') return t(`priority_${v}`);
    if (key === 'source') return t(`source_${String(v).replace(/-/g, '_')}`);
    return String(v);
  };

  if (editing) {
    const all = [...editing, ...displayableProperties(ticket).filter((k) => !editing.includes(k))];
    return (
      <section class="card details" aria-labelledby="details-edit-heading">
        <h2 id="details-edit-heading" class="section-title">
          {t('editDisplayed')}
        </h2>
        <ul class="pick-list">
          {all.map((key) => {
            const on = editing.includes(key);
            return (
              <li key={key}>
                <label>
                  <input
                    type="checkbox"
                    checked={on}
                    onChange={() => setEditing(on ? editing.filter((k) => k !== key) : [...editing, key])}
                  />{' '}
                  {label(key)}
                </label>
                {on && (
                  <span class="order">
                    <button type="button" aria-label={t('moveUp', [label(key)])} onClick={() => setEditing(moveProperty(editing, key, -1))}>
                      ↑
                    </button>
                    <button
                      type="button"
                      aria-label={t('moveDown', [label(key)])}
                      onClick={() => setEditing(moveProperty(editing, key, 1))}
                    >
                      ↓
                    </button>
                  </span>
                )}
              </li>
            );
          })}
        </ul>
        <div class="actions">
          <button type="button" class="primary" onClick={() => (onSaveDisplayed(editing), setEditing(null))}>
            {t('save')}
          </button>
          <button type="button" onClick={() => setEditing(null)}>
            {t('cancel')}
          </button>
        </div>
      </section>
    );
  }
  return (
    <section class="card details" aria-labelledby="details-heading">
      <div class="card__head">
        <h2 id="details-heading" class="section-title">
          {t('details')}
        </h2>
        <button type="button" class="link" onClick={() => setEditing([...displayed])}>
          {t('editDisplayed')}
        </button>
      </div>
      <dl class="props">
        {displayed.map((key) => (
          <div class="prop" key={key} data-property={key}>
            <dt>{label(key)}</dt>
            <dd>{show(key)}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}
