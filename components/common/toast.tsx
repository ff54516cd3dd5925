import { useMemo, useState } from 'preact/hooks';
import { useT } from './i18n';

export interface ToastMessage {
  id: number;
  text: string;
  tone: 'info' | 'error';
  undo?: () => void;
}

/** Says what the last action did. Stable across renders, so it can be handed to commands. */
export interface Toaster {
  show(message: Omit<ToastMessage, 'id'>): void;
  info(text: string): void;
  error(text: string): void;
  dismiss(): void;
}

let lastId = 0;

/** A page's toast: the message shown now, and the Toaster that changes it. */
export function useToast(): [ToastMessage | null, Toaster] {
  const [message, setMessage] = useState<ToastMessage | null>(null);
  const toaster = useMemo<Toaster>(() => {
    // Each message gets a new id, so the same text said twice is announced twice.
    const show = (m: Omit<ToastMessage, 'id'>) => setMessage({ ...m, id: ++lastId });
    return {
      show,
      info: (text) => show({ text, tone: 'info' }),
      error: (text) => show({ text, tone: 'error' }),
      dismiss: () => setMessage(null),
    };
  }, []);
  return [message, toaster];
}

/** What the last action did ("Ticket closed, and 2 conversations"), with Undo where possible. */
export function Toast({ message, onDismiss }: { message: ToastMessage | null; onDismiss: () => void }) {
  const t = useT();
  return (
    <div class="toast-region" role="status" aria-live="polite">
      {message && (
        <div class="toast" data-tone={message.tone} key={message.id}>
          <span>{message.text}</span>
          {message.undo && (
            <button type="button" class="link" onClick={() => (message.undo!(), onDismiss())}>
              {t('undo')}
            </button>
          )}
          <button type="button" class="link" aria-label={t('dismiss')} onClick={onDismiss}>
            ×
          </button>
        </div>
      )}
    </div>
  );
}
