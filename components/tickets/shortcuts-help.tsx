import { useEffect, useRef } from 'preact/hooks';
import { useT } from '@/components/common/i18n';

/** The tickets page's keys, as the `?` overlay lists them. */
export const TICKET_KEYS: ReadonlyArray<{ keys: string[]; what: string }> = [
  { keys: ['↓', 'j'], what: 'keyNext' },
  { keys: ['↑', 'k'], what: 'keyPrevious' },
  { keys: ['Enter', 'o'], what: 'keyOpen' },
  { keys: ['x'], what: 'keySelect' },
  { keys: ['Shift', 'x'], what: 'keySelectRange' },
  { keys: ['Shift', 'a'], what: 'keySelectAll' },
  { keys: ['s'], what: 'keyStage' },
  { keys: ['a'], what: 'keyOwner' },
  { keys: ['p'], what: 'keyPriority' },
  { keys: ['#'], what: 'keyTrash' },
  { keys: ['/'], what: 'keySearch' },
  { keys: ['b'], what: 'keyBoard' },
  { keys: ['Esc'], what: 'keyEscape' },
  { keys: ['Space'], what: 'keyBoardLift' },
  { keys: ['←', '→'], what: 'keyBoardColumn' },
  { keys: ['?'], what: 'keyHelp' },
];

/** The `?` overlay: every key of the page. Escape or the button closes it, and the focus goes back. */
export function ShortcutsHelp({ onClose }: { onClose: () => void }) {
  const t = useT();
  const close = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    const opener = document.activeElement as HTMLElement | null;
    close.current?.focus();
    return () => void (opener?.isConnected && opener.focus());
  }, []);
  return (
    <div class="overlay" onClick={(e) => e.target === e.currentTarget && onClose()}>
      <div
        class="overlay__box"
        role="dialog"
        aria-modal="true"
        aria-labelledby="keys-title"
        onKeyDown={(e) => (e.key === 'Escape' || e.key === '?') && (e.stopPropagation(), e.preventDefault(), onClose())}
      >
        <h2 id="keys-title">{t('keysTitle')}</h2>
        <dl class="keys">
          {TICKET_KEYS.map((k) => (
            <div key={k.what}>
              <dt>
                {k.keys.map((key, i) => (
                  <span key={key}>
                    {i > 0 && (k.keys[0] === 'Shift' ? ' + ' : ' / ')}
                    <kbd>{key}</kbd>
                  </span>
                ))}
              </dt>
              <dd>{t(k.what)}</dd>
            </div>
          ))}
        </dl>
        <button type="button" ref={close} onClick={onClose}>
          {t('close')}
        </button>
      </div>
    </div>
  );
}
