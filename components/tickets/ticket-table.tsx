import { findStage, stageLabel, stageTone, ticketLabel, type Conversation, type Settings, type Ticket } from '@/domain';
import { recordPath } from '@/messaging/page-urls';
import { useT } from '@/components/common/i18n';
import { formatAge, formatDateTime } from '@/components/common/format';

export interface TicketTableProps {
  tickets: Ticket[];
  settings: Settings;
  linked: Conversation[];
  /** The contacts' names, by address (a ticket shows its contact's address where none is known). */
  contactNames?: ReadonlyMap<string, string>;
  /** Now, for how long an open ticket has waited. */
  now?: number;
}

/** Tickets as a table: number, name, stage, conversations, last change. */
export function TicketTable({ tickets, settings, linked, contactNames, now = Date.now() }: TicketTableProps) {
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
          <th scope="col">{t('colWaiting')}</th>
          <th scope="col">{t('priority')}</th>
          <th scope="col">{t('owner')}</th>
          <th scope="col">{t('contact')}</th>
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
              <td class="waited" title={stage?.state === 'open' ? t('waitingSince', [formatDateTime(ticket.updatedAt)]) : undefined}>
                {stage?.state === 'open' ? formatAge(ticket.updatedAt, now) : '—'}
              </td>
              <td data-priority={ticket.priority}>{t(`priority_${ticket.priority}`)}</td>
              <td>{ticket.ownerId ? (settings.team.find((m) => m.id === ticket.ownerId)?.name ?? ticket.ownerId) : t('unassigned')}</td>
              <td class="contact" title={ticket.contactEmail ?? ''}>
                {ticket.contactEmail ? (contactNames?.get(ticket.contactEmail) ?? ticket.contactEmail) : '—'}
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
