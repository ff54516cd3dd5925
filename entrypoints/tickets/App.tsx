import { useT } from '../../components/i18n';
import { TicketTable } from '../../components/ticket-table';
import type { SidedeskDatabase } from '../../store/database';
import { readSettings } from '../../store/reader';
import { useLiveQuery } from '../../ui/use-live-query';
import type { Client } from '../../messaging/client';

/** All tickets, newest activity first. Reads the database directly; writes go to the background. */
export function App({ db, call }: { db: SidedeskDatabase; call: Client }) {
  const t = useT();
  const data = useLiveQuery(async () => {
    const [tickets, settings] = await Promise.all([db.tickets.orderBy('updatedAt').reverse().limit(500).toArray(), readSettings(db)]);
    // Only the conversations of the tickets shown: a store can hold 100 000 of them.
    const linked = await db.conversations.where('ticketId').anyOf(tickets.map((t) => t.id)).toArray();
    return { tickets, settings, linked };
  }, [db]);
  return (
    <main class="page">
      <div class="page__head">
        <h1>{t('ticketsTitle')}</h1>
        {data && (
          <label class="toggle">
            <input
              type="checkbox"
              checked={data.settings.notifications}
              onChange={(e) => void call('updateSettings', { ...data.settings, notifications: e.currentTarget.checked })}
            />{' '}
            {t('notifyFollowed')}
          </label>
        )}
      </div>
      {data === undefined ? <p aria-busy="true">{t('loading')}</p> : <TicketTable {...data} />}
    </main>
  );
}
