import { useState } from 'preact/hooks';
import { useT } from '@/components/common/i18n';
import { TicketTable } from '@/components/tickets/ticket-table';
import type { SidedeskDatabase } from '@/store/database';
import { readSettings } from '@/store/settings';
import { useLiveQuery } from '@/pages/live-query';
import type { Client } from '@/messaging/client';
import { PAGE_PATHS } from '@/messaging/page-urls';

const PAGE = 100;

/** All tickets, newest activity first. Reads the database directly; writes go to the background. */
export function App({ db, call }: { db: SidedeskDatabase; call: Client }) {
  const t = useT();
  // A page at a time: this query runs again whenever a shown ticket or its conversations change,
  // in the renderer the side panel shares, so it stays small however large the store.
  const [shown, setShown] = useState(PAGE);
  const data = useLiveQuery(async () => {
    const [page, settings] = await Promise.all([
      db.tickets
        .orderBy('updatedAt')
        .reverse()
        .limit(shown + 1)
        .toArray(),
      readSettings(db),
    ]);
    const tickets = page.slice(0, shown);
    // Only the conversations of the tickets shown: a store can hold 100 000 of them.
    const linked = await db.conversations
      .where('ticketId')
      .anyOf(tickets.map((t) => t.id))
      .toArray();
    return { tickets, settings, linked, more: page.length > shown };
  }, [db, shown]);
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
      {data === undefined ? (
        <p aria-busy="true">{t('loading')}</p>
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
