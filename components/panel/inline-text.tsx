import { useRef, useState } from 'preact/hooks';
import { useT } from '../i18n';

export interface InlineTextProps {
  value: string;
  label: string;
  onSave: (next: string) => void;
  /** Shown when the value is empty. */
  placeholder?: string;
  /** Whether clearing the text is a change to save (an optional property), or a slip (a name). */
  allowEmpty?: boolean;
}

/** Text edited in place: click or Enter to edit; Enter saves, and so does leaving the field (what
 * was typed is never dropped silently); Escape cancels. */
export function InlineText({ value, label, onSave, placeholder = '', allowEmpty = false }: InlineTextProps) {
  const t = useT();
  const [editing, setEditing] = useState(false);
  const [draft, setDraft] = useState(value);
  // Enter or Escape has decided; the blur that follows the input's removal must not decide again.
  const done = useRef(false);
  if (!editing) {
    return (
      <button type="button" class="inline-text" title={t('editHint')} aria-label={`${label}: ${value || placeholder}. ${t('editHint')}`} onClick={() => ((done.current = false), setDraft(value), setEditing(true))}>
        <span class="inline-text__value">{value || placeholder}</span>
        <span class="inline-text__pen" aria-hidden="true">
          ✎
        </span>
      </button>
    );
  }
  const save = () => {
    if (done.current) return;
    done.current = true;
    setEditing(false);
    const next = draft.trim();
    if (next !== value && (next || allowEmpty)) onSave(next);
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
        if (e.key === 'Escape') ((done.current = true), setEditing(false));
      }}
      onBlur={save}
    />
  );
}
