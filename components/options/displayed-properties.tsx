import { useT } from '@/components/common/i18n';
import { BUILTIN_PROPERTIES, moveProperty, type CustomProperty } from '@/domain';

export interface DisplayedPropertiesProps {
  displayed: readonly string[];
  custom: readonly CustomProperty[];
  /** Saves the new order at once; resolves with whether it was stored. */
  onSave: (order: string[]) => Promise<boolean>;
}

/** The details panel's properties ("View more"), chosen and ordered as in the side panel's
 * editor; each change is saved at once. Offered: the built-in properties, the team's custom
 * ones, and any free property already shown. */
export function DisplayedProperties({ displayed, custom, onSave }: DisplayedPropertiesProps) {
  const t = useT();
  const label = (key: string) => (key.startsWith('properties.') ? key.slice(11) : t(`prop_${key}`));
  const offered = [...BUILTIN_PROPERTIES, ...custom.map((c) => `properties.${c.name}`)];
  const all = [...displayed, ...offered.filter((k) => !displayed.includes(k))];
  const id = (key: string, by: number) => `displayed-${encodeURIComponent(key).replace(/[^\w-]/g, '_')}-${by < 0 ? 'up' : 'down'}`;
  const move = async (key: string, by: -1 | 1) => {
    if (!(await onSave(moveProperty([...displayed], key, by)))) return;
    const el = document.getElementById(id(key, by)) as HTMLButtonElement | null;
    (el && !el.disabled ? el : document.getElementById(id(key, -by)))?.focus();
  };
  return (
    <ul class="pick-list displayed-list" aria-label={t('optDisplayedTitle')}>
      {all.map((key) => {
        const on = displayed.includes(key);
        const at = displayed.indexOf(key);
        return (
          <li key={key} data-property={key}>
            <label>
              <input
                type="checkbox"
                checked={on}
                onChange={() => void onSave(on ? displayed.filter((k) => k !== key) : [...displayed, key])}
              />{' '}
              {label(key)}
            </label>
            {on && (
              <span class="order">
                <button
                  type="button"
                  id={id(key, -1)}
                  aria-label={t('moveUp', [label(key)])}
                  disabled={at === 0}
                  onClick={() => void move(key, -1)}
                >
                  ↑
                </button>
                <button
                  type="button"
                  id={id(key, 1)}
                  aria-label={t('moveDown', [label(key)])}
                  disabled={at === displayed.length - 1}
                  onClick={() => void move(key, 1)}
                >
                  ↓
                </button>
              </span>
            )}
          </li>
        );
      })}
    </ul>
  );
}
