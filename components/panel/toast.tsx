import { useT } from '../i18n';

export interface ToastMessage {
  id: number;
  text: string;
  tone: 'info' | 'error';
  undo?: () => void;
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
