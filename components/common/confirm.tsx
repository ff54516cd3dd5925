import { useEffect, useRef } from 'preact/hooks';
import { useT } from './i18n';

export interface ConfirmProps {
  id: string;
  question: string;
  hint: string;
  confirmLabel: string;
  onConfirm: () => void;
  onCancel: () => void;
}

/**
 * A destructive action's confirmation, in place. It takes the focus (on Cancel, the safe
 * choice), closes on Escape, and gives the focus back to what opened it, so a keyboard user
 * never starts again from the top of the page.
 */
export function Confirm({ id, question, hint, confirmLabel, onConfirm, onCancel }: ConfirmProps) {
  const t = useT();
  const cancel = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    const opener = document.activeElement as HTMLElement | null;
    cancel.current?.focus();
    return () => {
      if (opener?.isConnected) opener.focus();
    };
  }, []);
  return (
    <div class="confirm" role="alertdialog" aria-labelledby={id} onKeyDown={(e) => e.key === 'Escape' && (e.stopPropagation(), onCancel())}>
      <p id={id}>{question}</p>
      <p class="hint">{hint}</p>
      <div class="actions">
        <button type="button" class="danger" onClick={onConfirm}>
          {confirmLabel}
        </button>
        <button type="button" ref={cancel} onClick={onCancel}>
          {t('cancel')}
        </button>
      </div>
    </div>
  );
}
