import { findStage, stageLabel, stageTone, ticketLabel, type Conversation, type Settings, type Ticket } from '@/domain';
import { recordPath } from '@/messaging/page-urls';
import { useT } from '@/components/common/i18n';
import { formatDateTime } from '@/components/common/format';

export interface TicketTableProps {
  tickets: Ticket[];
  settings: Settings;
  linked: Conversation[];
}

/** Tickets as a table: number, name, stage, conversations, last change. */
export function TicketTable({ tickets, settings, linked }: TicketTableProps) {
  const t = useT();
  if (tickets.length === 0) return <p class="empty">{t('noTicketsYet')}</p>;
  const counts = new Map<string, { all: number; open: number }>();
  for (const c of linked) {
    const n = counts.get(c.ticketId!) ?? { all: 0, open: 0 };
    counts.set(c.ticketId!, { all: n.all + 1, open: n.open + (c.state === 'open' ? 1 : 0) });
  }
  return (
    <table>
      <thead>
        <tr>
          <th scope="col">#</th>
          <th scope="col">{t('colName')}</th>
          <th scope="col">{t('stage')}</th>
          <th scope="col">{t('colConversations')}</th>
          <th scope="col">{t('prop_updatedAt')}</th>
        </tr>
      </thead>
      <tbody>
        {tickets.map((ticket) => {
          const stage = findStage(settings, ticket.pipelineId, ticket.stageId);
          const n = counts.get(ticket.id) ?? { all: 0, open: 0 };
          return (
            <tr key={ticket.id} data-ticket-id={ticket.id}>
              <td>{ticketLabel(ticket)}</td>
              <td>
                <a href={recordPath(ticket.id).slice(1)}>{ticket.name}</a>
              </td>
              <td class="stage" data-state={stage?.state} data-waiting={String(stageTone(stage) === 'waiting')}>
                {stageLabel(stage, t, ticket.stageId)}
              </td>
              <td data-conversations={`${n.open}/${n.all}`}>{t('conversationCount', [n.all, n.open])}</td>
              <td>{formatDateTime(ticket.updatedAt)}</td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
