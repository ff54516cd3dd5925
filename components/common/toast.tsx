import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { useT } from './i18n';

export interface ToastMessage {
  id: number;
  text: string;
  tone: 'info' | 'error';
  undo?: () => void;
  /** The tickets and conversations it is about: it goes once the page shows none of them. */
  about?: readonly string[];
}

/** Says what the last action did. Stable across renders, so it can be handed to commands. */
export interface Toaster {
  show(message: Omit<ToastMessage, 'id'>): void;
  info(text: string, about?: readonly string[]): void;
  error(text: string, about?: readonly string[]): void;
  dismiss(): void;
}

/** Long enough to read the message and reach Undo; an error is kept longer. Both wait while the
 * pointer or the focus is on the toast. */
export const TOAST_MS = { info: 9000, error: 15000 } as const;

let lastId = 0;

// A message about nothing in particular (a restore, a follow) belongs wherever it is said: it
// carries no Undo that could act out of sight, and a failure must never go unsaid.
const belongs = (message: ToastMessage, showing: readonly string[] | undefined) =>
  !message.about || message.about.length === 0 || !showing || message.about.some((id) => showing.includes(id));

/**
 * A page's toast: the message shown now, and the Toaster that changes it. `showing` lists the
 * tickets and conversations on screen (the panel's follow the tab): a message about another one
 * is not shown, and is dropped, so an Undo never acts on something out of sight. Without it (a
 * page that never changes what it shows) messages only fade.
 */
export function useToast(showing?: readonly string[]): [ToastMessage | null, Toaster] {
  const [message, setMessage] = useState<ToastMessage | null>(null);
  const toaster = useMemo<Toaster>(() => {
    // Each message gets a new id, so the same text said twice is announced twice.
    const show = (m: Omit<ToastMessage, 'id'>) => setMessage({ ...m, id: ++lastId });
    return {
      show,
      info: (text, about) => show({ text, tone: 'info', ...(about ? { about } : {}) }),
      error: (text, about) => show({ text, tone: 'error', ...(about ? { about } : {}) }),
      dismiss: () => setMessage(null),
    };
  }, []);
  const current = message && belongs(message, showing) ? message : null;
  // Decided in the render above (no frame shows it beside another ticket), forgotten here, so
  // going back to the earlier conversation does not bring it back.
  useEffect(() => void (message && !current && setMessage(null)), [message, current]);
  return [current, toaster];
}

/** What the last action did ("Ticket closed, and 2 conversations"), with Undo where possible.
 * It fades after a while, never while the pointer or the focus is on it. */
export function Toast({ message, onDismiss }: { message: ToastMessage | null; onDismiss: () => void }) {
  const t = useT();
  const [held, setHeld] = useState({ hover: false, focus: false });
  const paused = held.hover || held.focus;
  // Time left, kept across pauses: hovering does not restart the clock.
  const left = useRef(0);
  useEffect(() => {
    left.current = message ? TOAST_MS[message.tone] : 0;
  }, [message]);
  useEffect(() => {
    if (!message || paused) return;
    const started = Date.now();
    const timer = setTimeout(onDismiss, left.current);
    return () => (clearTimeout(timer), (left.current = Math.max(0, left.current - (Date.now() - started))));
  }, [message, paused, onDismiss]);
  return (
    <div
      class="toast-region"
      role="status"
      aria-live="polite"
      onMouseEnter={() => setHeld((h) => ({ ...h, hover: true }))}
      onMouseLeave={() => setHeld((h) => ({ ...h, hover: false }))}
      onFocusIn={() => setHeld((h) => ({ ...h, focus: true }))}
      onFocusOut={(e) =>
        !(e.relatedTarget instanceof Node && e.currentTarget.contains(e.relatedTarget)) && setHeld((h) => ({ ...h, focus: false }))
      }
    >
      {message && (
        <div class="toast" data-tone={message.tone} key={message.id}>
          <span>{message.text}</span>
          {message.undo && (
            <>
              {/* Said with the message: a screen reader hears that it can be undone, and where. */}
              <span class="sr-only">{t('undoAvailable')}</span>
              <button type="button" class="link" onClick={() => (message.undo!(), onDismiss())}>
                {t('undo')}
              </button>
            </>
          )}
          <button type="button" class="link" aria-label={t('dismiss')} onClick={onDismiss}>
            ×
          </button>
        </div>
      )}
    </div>
  );
}
