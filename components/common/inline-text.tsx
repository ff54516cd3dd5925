import { useRef, useState } from 'preact/hooks';
import { useT } from './i18n';

export interface InlineTextProps {
  value: string;
  label: string;
  onSave: (next: string) => void;
  /** Shown when the value is empty. */
  placeholder?: string;
  /** Whether clearing the text is a change to save (an optional property), or a slip (a name). */
  allowEmpty?: boolean;
  /** The value changed elsewhere while it was being edited: nothing is saved over it. */
  onConflict?: () => void;
}

/** Text edited in place: click or Enter to edit; Enter saves, and so does leaving the field (what
 * was typed is never dropped silently); Escape cancels. */
export function InlineText({ value, label, onSave, placeholder = '', allowEmpty = false, onConflict }: InlineTextProps) {
  const t = useT();
  const [editing, setEditing] = useState(false);
  const [draft, setDraft] = useState(value);
  // Enter or Escape has decided; the blur that follows the input's removal must not decide again.
  const done = useRef(false);
  // The value the edit started from: if the shown value moves on meanwhile, someone else changed it.
  const base = useRef(value);
  // After Enter or Escape the focus returns to the text, where the agent was.
  const refocus = useRef(false);
  if (!editing) {
    return (
      <button
        type="button"
        ref={(el) => {
          if (el && refocus.current) ((refocus.current = false), el.focus());
        }}
        class="inline-text"
        title={t('editHint')}
        aria-label={`${label}: ${value || placeholder}. ${t('editHint')}`}
        onClick={() => ((done.current = false), (base.current = value), setDraft(value), setEditing(true))}
      >
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
    if (next === value || (!next && !allowEmpty)) return;
    if (value !== base.current) return onConflict?.();
    onSave(next);
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
        // No default: the Enter would otherwise go on to press the text's button, focused again
        // by then, and reopen the editor.
        if (e.key === 'Enter') (e.preventDefault(), save(), (refocus.current = true));
        if (e.key === 'Escape') ((done.current = true), (refocus.current = true), setEditing(false));
      }}
      onBlur={save}
    />
  );
}
