import { useT } from '../../components/i18n';
import { TicketTable } from '../../components/ticket-table';
import type { SidedeskDatabase } from '../../store/database';
import { readSettings } from '../../store/reader';
import { useLiveQuery } from '../../ui/use-live-query';

/** All tickets, newest activity first. Reads the database directly; writes go to the background. */
export function App({ db }: { db: SidedeskDatabase }) {
  const t = useT();
  const data = useLiveQuery(async () => {
    const [tickets, settings] = await Promise.all([db.tickets.orderBy('updatedAt').reverse().limit(500).toArray(), readSettings(db)]);
    // Only the conversations of the tickets shown: a store can hold 100 000 of them.
    const linked = await db.conversations.where('ticketId').anyOf(tickets.map((t) => t.id)).toArray();
    return { tickets, settings, linked };
  }, [db]);
  return (
    <main class="page">
      <h1>{t('ticketsTitle')}</h1>
      {data === undefined ? <p aria-busy="true">{t('loading')}</p> : <TicketTable {...data} />}
    </main>
  );
}
