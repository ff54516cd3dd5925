import { useEffect, useRef, useState } from 'preact/hooks';
import { useT } from '@/components/common/i18n';
import { BADGE_MEANINGS, TRASH_DAYS_DEFAULT, type Settings } from '@/domain';

/** What the behaviour section changes, one setting at a time. */
export type BehaviourChange =
  | { notifications: boolean }
  | { reopenOnReply: boolean }
  | { trashRetentionDays: number | null }
  | { badge: (typeof BADGE_MEANINGS)[number] };

const DAYS_MAX = 36_500;

/** How the desk behaves: notifications, reopening on a reply, how long the trash keeps a group,
 * and what the toolbar badge counts. */
export function BehaviourSection({ settings, onChange }: { settings: Settings; onChange: (change: BehaviourChange) => void }) {
  const t = useT();
  const kept = settings.trashRetentionDays === undefined ? TRASH_DAYS_DEFAULT : settings.trashRetentionDays;
  const [days, setDays] = useState(String(kept ?? TRASH_DAYS_DEFAULT));
  const [error, setError] = useState('');
  // A value stored elsewhere (another tab) replaces what is in the field; not on the first draw,
  // whose effect may run after the agent has already typed.
  const shownKept = useRef(kept);
  useEffect(() => {
    if (shownKept.current === kept) return;
    shownKept.current = kept;
    setDays(String(kept ?? TRASH_DAYS_DEFAULT));
  }, [kept]);
  // The field's own value: a change or an Enter can come before the render that a keystroke asked for.
  const saveDays = (value: string) => {
    const n = Number(value);
    if (!Number.isInteger(n) || n < 1 || n > DAYS_MAX) return setError(t('optDaysInvalid', [DAYS_MAX]));
    setError('');
    if (n !== kept) onChange({ trashRetentionDays: n });
  };
  const badge = settings.badge ?? 'waiting-on-us';
  return (
    <>
      <div class="checks">
        <label>
          <input
            type="checkbox"
            name="notifications"
            checked={settings.notifications}
            onChange={(e) => onChange({ notifications: e.currentTarget.checked })}
          />{' '}
          {t('notifyFollowed')}
        </label>
        <label>
          <input
            type="checkbox"
            name="reopen-on-reply"
            checked={settings.reopenOnReply}
            onChange={(e) => onChange({ reopenOnReply: e.currentTarget.checked })}
          />{' '}
          {t('reopenOnReply')}
        </label>
      </div>
      <fieldset class="choices-set">
        <legend>{t('optTrashKeeps')}</legend>
        <div class="choices-set__line">
          <label>
            <input
              type="radio"
              name="trash-keep"
              checked={kept !== null}
              onChange={() => onChange({ trashRetentionDays: Number(days) || TRASH_DAYS_DEFAULT })}
            />{' '}
            {t('optTrashForDays')}
          </label>
          <input
            type="number"
            class="days"
            min={1}
            max={DAYS_MAX}
            value={days}
            aria-label={t('optTrashDays')}
            aria-invalid={!!error}
            aria-describedby={error ? 'trash-days-error' : 'trash-days-hint'}
            disabled={kept === null}
            onInput={(e) => setDays(e.currentTarget.value)}
            onChange={(e) => saveDays(e.currentTarget.value)}
            onKeyDown={(e) => e.key === 'Enter' && (e.preventDefault(), saveDays(e.currentTarget.value))}
          />{' '}
          <span aria-hidden="true">{t('optDays')}</span>
          <span id="trash-days-error" class="form-error" role="alert">
            {error}
          </span>
        </div>
        <label>
          <input type="radio" name="trash-keep" checked={kept === null} onChange={() => onChange({ trashRetentionDays: null })} />{' '}
          {t('optTrashForever')}
        </label>
        <p id="trash-days-hint" class="hint">
          {t('optTrashHint', [TRASH_DAYS_DEFAULT])}
        </p>
      </fieldset>
      <fieldset class="choices-set">
        <legend>{t('optBadgeCounts')}</legend>
        {BADGE_MEANINGS.map((meaning) => (
          <label key={meaning}>
            <input type="radio" name="badge" checked={badge === meaning} onChange={() => onChange({ badge: meaning })} />{' '}
            {t(meaning === 'waiting-on-us' ? 'optBadgeWaiting' : 'optBadgeMine')}
          </label>
        ))}
      </fieldset>
    </>
  );
}
