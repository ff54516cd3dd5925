import type { CustomProperty } from '@/domain';
import { InlineText } from '@/components/common/inline-text';

type Value = string | number | boolean | null;

export interface CustomPropertyFieldProps {
  property: CustomProperty;
  value: Value | undefined;
  onSave: (value: Value) => void;
  onConflict: () => void;
}

/** A team-defined property, edited as its type says: a number, a day, one of its choices, or text.
 * A value stored before the property was typed is shown as it is, and replaced only when edited. */
export function CustomPropertyField({ property, value, onSave, onConflict }: CustomPropertyFieldProps) {
  const shown = value === undefined || value === null ? '' : String(value);
  switch (property.type) {
    case 'choice': {
      const choices = property.choices ?? [];
      return (
        <select
          aria-label={property.name}
          value={shown}
          onChange={(e) => onSave(e.currentTarget.value === '' ? null : e.currentTarget.value)}
        >
          <option value="">—</option>
          {/* A value that is no longer a choice stays visible, so nothing is lost by opening the list. */}
          {shown !== '' && !choices.includes(shown) && <option value={shown}>{shown}</option>}
          {choices.map((c) => (
            <option key={c} value={c}>
              {c}
            </option>
          ))}
        </select>
      );
    }
    case 'date':
      return (
        <input
          type="date"
          aria-label={property.name}
          value={/^\d{4}-\d{2}-\d{2}$/.test(shown) ? shown : ''}
          title={shown && !/^\d{4}-\d{2}-\d{2}$/.test(shown) ? shown : undefined}
          onChange={(e) => onSave(e.currentTarget.value || null)}
        />
      );
    case 'number':
      return (
        <input
          type="number"
          step="any"
          aria-label={property.name}
          value={shown}
          onChange={(e) => {
            const text = e.currentTarget.value.trim();
            if (text === '') return onSave(null);
            const n = Number(text);
            if (Number.isFinite(n)) onSave(n);
          }}
        />
      );
    case 'text':
      return (
        <InlineText
          value={shown}
          placeholder="—"
          allowEmpty
          label={property.name}
          onSave={(v) => onSave(v || null)}
          onConflict={onConflict}
        />
      );
  }
}
