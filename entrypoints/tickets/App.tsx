import { useState } from 'preact/hooks';
import { useT } from '@/components/common/i18n';
import { TicketTable } from '@/components/tickets/ticket-table';
import type { SidedeskDatabase } from '@/store/database';
import { useLiveQuery } from '@/pages/live-query';
import type { Client } from '@/messaging/client';
import { PAGE_PATHS } from '@/messaging/page-urls';
import { addressOf, loadTickets, viewFromAddress, type TicketsView } from './model';

const PAGE = 100;

/** All tickets, newest activity first, or those a search finds. Reads the database directly;
 * writes go to the background. */
export function App({ db, call }: { db: SidedeskDatabase; call: Client }) {
  const t = useT();
  const [view, setView] = useState<TicketsView>(() => viewFromAddress(location.search));
  const [shown, setShown] = useState(PAGE);
  const data = useLiveQuery(() => loadTickets(db, view, shown), [db, view.q, shown]);
  const search = (q: string) => {
    const next = { ...view, q };
    setView(next);
    setShown(PAGE);
    // The view lives in the address: a reload or a bookmark opens the same list.
    history.replaceState(null, '', addressOf(next, location.href));
  };
  return (
    <main class="page">
      <div class="page__head">
        <h1>{t('ticketsTitle')}</h1>
        <a href={PAGE_PATHS.trash.slice(1)}>{t('trashTitle')}</a>
        {data && (
          <div class="toggles">
            <label class="toggle">
              <input
                type="checkbox"
                checked={data.settings.notifications}
                onChange={(e) => void call('updateSettings', { ...data.settings, notifications: e.currentTarget.checked })}
              />{' '}
              {t('notifyFollowed')}
            </label>
            <label class="toggle">
              <input
                type="checkbox"
                name="reopen-on-reply"
                checked={data.settings.reopenOnReply}
                onChange={(e) => void call('updateSettings', { ...data.settings, reopenOnReply: e.currentTarget.checked })}
              />{' '}
              {t('reopenOnReply')}
            </label>
          </div>
        )}
      </div>
      <div class="page__tools" role="search">
        <input
          type="search"
          name="q"
          class="page__search"
          aria-label={t('searchTickets')}
          placeholder={t('searchTickets')}
          value={view.q}
          onInput={(e) => search(e.currentTarget.value)}
        />
      </div>
      {data?.truncated && (
        <p class="hint" role="status">
          {t('searchTruncated')}
        </p>
      )}
      {data === undefined ? (
        <p aria-busy="true">{t('loading')}</p>
      ) : view.q.trim() && data.tickets.length === 0 ? (
        <p class="empty" role="status">
          {t('noTicketsMatch', [view.q.trim()])}
        </p>
      ) : (
        <TicketTable tickets={data.tickets} settings={data.settings} linked={data.linked} />
      )}
      {data?.more && (
        <button type="button" class="show-more" onClick={() => setShown((n) => n + PAGE)}>
          {t('showMoreTickets', [PAGE])}
        </button>
      )}
    </main>
  );
}
