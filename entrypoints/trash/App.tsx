import { useEffect, useState } from 'preact/hooks';
import { useT } from '@/components/common/i18n';
import { Toast } from '@/components/common/toast';
import { TrashGroupCard } from '@/components/trash/trash-group';
import { SYSTEM_ACTOR } from '@/domain';
import type { Client } from '@/messaging/client';
import { PAGE_PATHS } from '@/messaging/page-urls';
import { usePageCommands } from '@/pages/commands';
import { useLiveQuery } from '@/pages/live-query';
import type { SidedeskDatabase } from '@/store/database';
import { loadTrash, SEARCH_WINDOW, TRASH_PAGE } from './model';

export interface TrashAppProps {
  db: SidedeskDatabase;
  call: Client;
  /** The group the address names, read again when it changes. */
  target: () => string | null;
  /** Listens for a new address; returns what stops listening. */
  onTargetChange: (listener: () => void) => () => void;
}

/** The trash: every deleted group, newest first, searchable, with Restore and Delete forever. */
export function App({ db, call, target: readTarget, onTargetChange }: TrashAppProps) {
  const t = useT();
  const [text, setText] = useState('');
  const [shown, setShown] = useState(TRASH_PAGE);
  const [target, setTarget] = useState(readTarget);
  useEffect(() => onTargetChange(() => setTarget(readTarget())), [onTargetChange, readTarget]);
  const model = useLiveQuery(() => loadTrash(db, { text, shown, target }), [db, text, shown, target]);
  // The agent is this browser's mailbox account, as on the record page: a trashed conversation's.
  const actor = model?.groups.find((g) => g.conversations.length > 0)?.conversations[0]!.account ?? SYSTEM_ACTOR;
  const { commands, toast, toaster } = usePageCommands(call, model && { actor, settings: model.settings });
  const targetShown = !!target && !!model?.groups.some((g) => g.id === target);
  // The linked group comes into view once, when it is first drawn.
  useEffect(() => {
    if (!targetShown || !target) return;
    const entry = document.getElementById(target);
    entry?.scrollIntoView({ block: 'center' });
    entry?.focus({ preventScroll: true });
  }, [targetShown, target]);

  return (
    <main class="trash">
      <div class="trash__head">
        <h1>{t('trashTitle')}</h1>
        <a href={PAGE_PATHS.tickets.slice(1)}>{t('allTickets')}</a>
      </div>
      <p class="muted">{t('trashIntro')}</p>
      <input
        type="search"
        class="trash__search"
        aria-label={t('trashSearch')}
        placeholder={t('trashSearch')}
        value={text}
        onInput={(e) => (setText(e.currentTarget.value), setShown(TRASH_PAGE))}
      />
      {model === undefined ? (
        <p aria-busy="true">{t('loading')}</p>
      ) : model.groups.length === 0 ? (
        <p class="card empty-state">{text.trim() ? t('trashNoMatch') : t('trashEmpty')}</p>
      ) : (
        <ol class="trash__list">
          {model.groups.map((group) => (
            <TrashGroupCard
              key={group.id}
              group={group}
              team={model.settings.team}
              target={group.id === target}
              onRestore={() => void commands.restore(group)}
              onPurge={() => void commands.purge(group)}
            />
          ))}
        </ol>
      )}
      {model?.windowed && <p class="hint">{t('trashSearchWindow', [SEARCH_WINDOW])}</p>}
      {model?.more && (
        <button type="button" class="show-more" onClick={() => setShown((n) => n + TRASH_PAGE)}>
          {t('showMoreGroups', [TRASH_PAGE])}
        </button>
      )}
      <Toast message={toast} onDismiss={toaster.dismiss} />
    </main>
  );
}
