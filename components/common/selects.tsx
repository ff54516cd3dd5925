import { useEffect, useRef, useState } from 'preact/hooks';
import type { JSX, SelectHTMLAttributes } from 'preact';
import { stageLabel, stageTone, type Owner, type Priority, type Stage } from '@/domain';
import { useT } from './i18n';

const PRIORITIES: Priority[] = ['low', 'medium', 'high', 'urgent'];

/** How a select reports a choice: `explicit` for a stored property (a stage change runs a
 * cascade), `each` for a form field, where every move only changes the draft. */
export type Commit = 'explicit' | 'each';

/**
 * A native select that commits only what the agent chose. Chromium and Firefox change a closed
 * select's value and fire `change` on every arrow key, Home/End or typed letter, which would run
 * a stage's cascade on each option passed through. Such a change is held as pending (shown, with
 * a hint) until Enter or Space confirms it; Escape or leaving the select drops it. A change that
 * no key on the select caused (a pick in the open list, a click) commits at once.
 */
function useExplicitChoice(value: string, onCommit: (value: string) => void, commit: Commit) {
  const [pending, setPending] = useState<string | null>(null);
  // The browser moves the selection as the keydown's default action, in the same task: a change
  // in that task was caused by the key, not picked from the open list.
  const fromKey = useRef(false);
  // Changed elsewhere meanwhile: an option held against the old value is dropped, not applied
  // over the new one.
  useEffect(() => setPending(null), [value]);
  const shown = pending ?? value;
  const confirm = () => {
    setPending(null);
    if (pending !== null && pending !== value) onCommit(pending);
  };
  const props: Pick<SelectHTMLAttributes<HTMLSelectElement>, 'onKeyDown' | 'onChange' | 'onBlur'> & { value: string } = {
    value: shown,
    onKeyDown: (e) => {
      if (commit === 'each') return;
      const held = pending !== null && pending !== value;
      if (held && (e.key === 'Enter' || e.key === ' ')) return (e.preventDefault(), confirm());
      if (held && e.key === 'Escape') return (e.preventDefault(), e.stopPropagation(), setPending(null));
      fromKey.current = true;
      setTimeout(() => (fromKey.current = false));
    },
    onChange: (e) => {
      const next = e.currentTarget.value;
      if (commit === 'each' || !fromKey.current) {
        setPending(null);
        if (next !== value) onCommit(next);
        return;
      }
      setPending(next);
    },
    // Moving through the options and walking away is not a choice.
    onBlur: () => setPending(null),
  };
  return { props, held: pending !== null && pending !== value };
}

/** The select, and while an option reached with the keyboard is held, how to apply it. A form
 * field gets its select alone: a wrapper would take the form label's styles. */
function Choice({ hint, held, commit, children }: { hint: string; held: boolean; commit: Commit; children: JSX.Element }) {
  const t = useT();
  if (commit === 'each') return children;
  return (
    <span class="choice">
      {children}
      {/* Always there, so that filling it is announced. */}
      <span id={hint} class="choice__hint" role="status">
        {held ? t('choiceHint') : ''}
      </span>
    </span>
  );
}

let lastHint = 0;
function useHintId() {
  const id = useRef('');
  id.current ||= `choice-hint-${++lastHint}`;
  return id.current;
}

export function StageSelect({
  stages,
  value,
  onChange,
  id,
  commit = 'explicit',
}: {
  stages: Stage[];
  value: string;
  onChange: (id: string) => void;
  id?: string;
  commit?: Commit;
}) {
  const t = useT();
  const hint = useHintId();
  const { props, held } = useExplicitChoice(value, onChange, commit);
  const current = stages.find((s) => s.id === props.value);
  return (
    <Choice hint={hint} held={held} commit={commit}>
      <select
        id={id}
        class="stage-select"
        data-state={current?.state}
        data-waiting={String(stageTone(current) === 'waiting')}
        data-pending={held ? 'true' : undefined}
        aria-label={t('stage')}
        aria-describedby={held ? hint : undefined}
        {...props}
      >
        {stages.map((s) => (
          <option key={s.id} value={s.id}>
            {stageLabel(s, t)}
          </option>
        ))}
      </select>
    </Choice>
  );
}

export function PrioritySelect({
  value,
  onChange,
  id,
  commit = 'explicit',
}: {
  value: Priority;
  onChange: (p: Priority) => void;
  id?: string;
  commit?: Commit;
}) {
  const t = useT();
  const hint = useHintId();
  const { props, held } = useExplicitChoice(value, (p) => onChange(p as Priority), commit);
  return (
    <Choice hint={hint} held={held} commit={commit}>
      <select
        id={id}
        class="priority-select"
        data-priority={props.value}
        data-pending={held ? 'true' : undefined}
        aria-label={t('priority')}
        aria-describedby={held ? hint : undefined}
        {...props}
      >
        {PRIORITIES.map((p) => (
          <option key={p} value={p}>
            {t(`priority_${p}`)}
          </option>
        ))}
      </select>
    </Choice>
  );
}

export function OwnerSelect({
  team,
  value,
  me,
  onChange,
  label,
  id,
  commit = 'explicit',
}: {
  team: Owner[];
  value: string | null;
  me: string | null;
  onChange: (id: string | null) => void;
  label: string;
  id?: string;
  commit?: Commit;
}) {
  const t = useT();
  const hint = useHintId();
  const { props, held } = useExplicitChoice(value ?? '', (v) => onChange(v || null), commit);
  return (
    <Choice hint={hint} held={held} commit={commit}>
      <select id={id} aria-label={label} data-pending={held ? 'true' : undefined} aria-describedby={held ? hint : undefined} {...props}>
        <option value="">{t('unassigned')}</option>
        {/* A member who left is offered no new work; the current owner stays shown as such. */}
        {team
          .filter((m) => m.active !== false || m.id === value)
          .map((m) => (
            <option key={m.id} value={m.id} disabled={m.active === false}>
              {m.active === false ? t('ownerLeft', [m.name || m.email]) : m.id === me ? t('ownerYou', [m.name]) : m.name}
            </option>
          ))}
      </select>
    </Choice>
  );
}
