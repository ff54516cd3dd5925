import { useState } from 'preact/hooks';
import { useT } from '../i18n';

export interface InlineTextProps {
  value: string;
  label: string;
  onSave: (next: string) => void;
}

/** Text edited in place: click or Enter to edit, Enter saves, Escape cancels. */
export function InlineText({ value, label, onSave }: InlineTextProps) {
  const t = useT();
  const [editing, setEditing] = useState(false);
  const [draft, setDraft] = useState(value);
  if (!editing) {
    return (
      <button type="button" class="inline-text" title={t('editHint')} aria-label={`${label}: ${value}. ${t('editHint')}`} onClick={() => (setDraft(value), setEditing(true))}>
        <span class="inline-text__value">{value}</span>
        <span class="inline-text__pen" aria-hidden="true">
          ✎
        </span>
      </button>
    );
  }
  const save = () => {
    setEditing(false);
    const next = draft.trim();
    if (next && next !== value) onSave(next);
  };
  return (
    <input
      // Focused as it is inserted, not after paint: the first key typed must land in it.
      ref={(el) => {
        if (el && document.activeElement !== el) (el.focus(), el.select());
      }}
      class="inline-text__input"
      aria-label={label}
      value={draft}
      maxLength={500}
      onInput={(e) => setDraft(e.currentTarget.value)}
      onKeyDown={(e) => {
        if (e.key === 'Enter') save();
        if (e.key === 'Escape') setEditing(false);
      }}
      onBlur={() => setEditing(false)}
    />
  );
}
