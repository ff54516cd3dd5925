import { useEffect, useRef, useState } from 'preact/hooks';
import { useT } from '@/components/common/i18n';

/** Tickets that stand in the way of a change: how many, and the first few by name. */
export interface TicketsInTheWay {
  count: number;
  /** "T-0042 Order #4411 did not arrive", the first few. */
  named: string[];
}

export interface HandOverProps {
  id: string;
  tickets: TicketsInTheWay | undefined;
  /** Asked when no ticket is in the way. */
  question: string;
  /** Asked when some are: given how many, and their names. */
  questionWithTickets: (count: number, names: string) => string;
  /** Said under the question; it may depend on where the tickets go. */
  hint: (choice: string) => string;
  /** Where the tickets go: the select's label, its options, the one chosen first. */
  choiceLabel: string;
  choices: ReadonlyArray<{ value: string; label: string }>;
  initial: string;
  confirmLabel: string;
  confirmWithTicketsLabel: string;
  progress: { done: number; total: number } | null;
  onConfirm: (choice: string | null) => void;
  onCancel: () => void;
}

/**
 * A change that some tickets stand in the way of (a member who leaves, a stage that goes): says
 * how many and which, offers where they go, and does both in one step. It takes the focus,
 * closes on Escape, and gives the focus back to what opened it.
 */
export function HandOver(props: HandOverProps) {
  const { id, tickets, choices, progress, onConfirm, onCancel } = props;
  const t = useT();
  const [choice, setChoice] = useState(props.initial);
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const opener = document.activeElement as HTMLElement | null;
    return () => {
      if (opener?.isConnected) opener.focus();
    };
  }, []);
  // The first control once known: the choice when tickets must go somewhere, else the confirmation.
  const loaded = tickets !== undefined;
  useEffect(() => {
    if (loaded) box.current?.querySelector<HTMLElement>('select, button')?.focus();
  }, [loaded]);
  const busy = progress !== null;
  const names = !tickets
    ? ''
    : tickets.count > tickets.named.length
      ? t('namesAndMore', [tickets.named.join(', '), tickets.count - tickets.named.length])
      : tickets.named.join(', ');
  return (
    <div
      ref={box}
      class="confirm hand-over"
      role="group"
      aria-labelledby={`${id}-question`}
      onKeyDown={(e) => e.key === 'Escape' && !busy && (e.stopPropagation(), onCancel())}
    >
      {!tickets ? (
        <p id={`${id}-question`} aria-busy="true">
          {t('loading')}
        </p>
      ) : (
        <>
          <p id={`${id}-question`}>{tickets.count > 0 ? props.questionWithTickets(tickets.count, names) : props.question}</p>
          <p class="hint">{props.hint(choice)}</p>
          {tickets.count > 0 && (
            <label class="field field--inline">
              <span>{props.choiceLabel}</span>
              <select value={choice} disabled={busy} onChange={(e) => setChoice(e.currentTarget.value)}>
                {choices.map((c) => (
                  <option key={c.value} value={c.value}>
                    {c.label}
                  </option>
                ))}
              </select>
            </label>
          )}
          <div class="actions">
            <button type="button" class="primary" disabled={busy} onClick={() => onConfirm(tickets.count > 0 ? choice : null)}>
              {tickets.count > 0 ? props.confirmWithTicketsLabel : props.confirmLabel}
            </button>
            <button type="button" disabled={busy} onClick={onCancel}>
              {t('cancel')}
            </button>
            {progress && (
              <span class="hand-over__progress">
                <progress max={progress.total} value={progress.done} aria-label={t('bulkProgressLabel')} />{' '}
                {t('bulkProgress', [progress.done, progress.total])}
              </span>
            )}
          </div>
        </>
      )}
    </div>
  );
}
