import { useState } from 'preact/hooks';
import { useT } from '@/components/common/i18n';
import type { CustomProperty } from '@/domain';

export const PROPERTY_TYPES = ['text', 'number', 'date', 'choice'] as const;
export type PropertyType = (typeof PROPERTY_TYPES)[number];

export interface CustomPropertiesProps {
  properties: readonly CustomProperty[];
  onAdd: (property: CustomProperty) => Promise<boolean>;
  onRemove: (property: CustomProperty) => void;
}

/** Choices as typed: one per comma or line, trimmed, each once. */
export function parseChoices(text: string): string[] {
  return [
    ...new Set(
      text
        .split(/[,\n]/)
        .map((c) => c.trim())
        .filter((c) => c !== ''),
    ),
  ];
}

/** The team's own ticket properties, each with a type; removing one leaves the tickets' values. */
export function CustomProperties({ properties, onAdd, onRemove }: CustomPropertiesProps) {
  const t = useT();
  return (
    <>
      {properties.length === 0 ? (
        <p class="muted">{t('optNoCustomProperties')}</p>
      ) : (
        <table class="options-table properties-table">
          <thead>
            <tr>
              <th scope="col">{t('propertyName')}</th>
              <th scope="col">{t('optPropertyType')}</th>
              <th scope="col">{t('optChoices')}</th>
              <th scope="col">
                <span class="sr-only">{t('optActions')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {properties.map((p) => (
              <tr key={p.name} data-property={p.name}>
                <td class="property-name">{p.name}</td>
                <td>{t(`optType_${p.type}`)}</td>
                <td class="choices">{p.type === 'choice' ? (p.choices ?? []).join(', ') : '—'}</td>
                <td class="row-actions">
                  <button type="button" class="danger" onClick={() => onRemove(p)}>
                    {t('optRemove')}
                    <span class="sr-only"> ({p.name})</span>
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <AddPropertyForm properties={properties} onAdd={onAdd} />
    </>
  );
}

function AddPropertyForm({ properties, onAdd }: { properties: readonly CustomProperty[]; onAdd: (p: CustomProperty) => Promise<boolean> }) {
  const t = useT();
  const [name, setName] = useState('');
  const [type, setType] = useState<PropertyType>('text');
  const [choices, setChoices] = useState('');
  const [error, setError] = useState<{ field: 'name' | 'choices'; text: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const described = (field: 'name' | 'choices') => (error?.field === field ? 'add-property-error' : undefined);
  return (
    <form
      class="inline-form"
      aria-labelledby="add-property-title"
      noValidate
      onSubmit={async (e) => {
        e.preventDefault();
        const form = e.currentTarget;
        const clean = name.trim();
        const list = parseChoices(choices);
        if (!clean) return setError({ field: 'name', text: t('optNameNeeded') });
        if (properties.some((p) => p.name.toLowerCase() === clean.toLowerCase()))
          return setError({ field: 'name', text: t('optPropertyTaken', [clean]) });
        if (type === 'choice' && list.length === 0) return setError({ field: 'choices', text: t('optChoicesNeeded') });
        setError(null);
        setBusy(true);
        const added = await onAdd({ name: clean, type, ...(type === 'choice' ? { choices: list } : {}) });
        setBusy(false);
        if (!added) return;
        setName('');
        setChoices('');
        form.querySelector<HTMLInputElement>('input')?.focus();
      }}
    >
      <h3 id="add-property-title" class="subheading">
        {t('optAddProperty')}
      </h3>
      <div class="inline-form__fields">
        <label class="field">
          <span>{t('propertyName')}</span>
          <input
            value={name}
            maxLength={100}
            autoComplete="off"
            aria-invalid={error?.field === 'name'}
            aria-describedby={described('name')}
            onInput={(e) => setName(e.currentTarget.value)}
          />
        </label>
        <label class="field">
          <span>{t('optPropertyType')}</span>
          <select value={type} onChange={(e) => setType(e.currentTarget.value as PropertyType)}>
            {PROPERTY_TYPES.map((k) => (
              <option key={k} value={k}>
                {t(`optType_${k}`)}
              </option>
            ))}
          </select>
        </label>
        {type === 'choice' && (
          <label class="field field--wide">
            <span>{t('optChoicesField')}</span>
            <input
              value={choices}
              autoComplete="off"
              aria-invalid={error?.field === 'choices'}
              aria-describedby={described('choices')}
              onInput={(e) => setChoices(e.currentTarget.value)}
            />
          </label>
        )}
        <button type="submit" disabled={busy}>
          {t('optAdd')}
        </button>
      </div>
      <p id="add-property-error" class="form-error" role="alert">
        {error?.text ?? ''}
      </p>
    </form>
  );
}
