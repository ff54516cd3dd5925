import { ticketLabel, type Stage, type Ticket } from '@/domain';
import { stageLabel } from '@/domain/zod-free/stage-label';
import { stageTone } from '@/domain/zod-free/stage-tone';
import { useT } from './i18n';
import { formatAge, formatDateTime } from './format';

export interface TicketListProps {
  tickets: Ticket[];
  stageOf: (ticket: Ticket) => Stage | undefined;
  now: number;
  /** Opens a ticket's record: a button in the panel (the background opens the tab)… */
  onOpen?: (ticketId: string) => void;
  /** …or a plain link on a page that is itself a tab. */
  hrefOf?: (ticketId: string) => string;
  label: string;
  /** Off where every ticket has the same contact (the record page's list of theirs). */
  showContact?: boolean;
}

/** Tickets in a short list: number and name (opening the record), stage, contact, and for an open
 * ticket how long it has waited since its last change. */
export function TicketList({ tickets, stageOf, now, onOpen, hrefOf, label, showContact = true }: TicketListProps) {
  const t = useT();
  return (
    <ul class="ticket-list" aria-label={label}>
      {tickets.map((ticket) => {
        const stage = stageOf(ticket);
        const name = `${ticketLabel(ticket)} ${ticket.name}`;
        return (
          <li key={ticket.id} data-ticket={ticket.id}>
            {hrefOf ? (
              <a class="ticket-list__name" href={hrefOf(ticket.id)}>
                {name}
              </a>
            ) : (
              <button type="button" class="link ticket-list__name" onClick={() => onOpen?.(ticket.id)}>
                {name}
              </button>
            )}
            <span class="ticket-list__meta">
              <span class="stage" data-state={stage?.state} data-waiting={String(stageTone(stage) === 'waiting')}>
                {stageLabel(stage, t, ticket.stageId)}
              </span>
              {showContact && ticket.contactEmail && <span class="ticket-list__contact">{ticket.contactEmail}</span>}
              {stage?.state !== 'closed' && (
                <time dateTime={new Date(ticket.updatedAt).toISOString()} title={t('waitingSince', [formatDateTime(ticket.updatedAt)])}>
                  {formatAge(ticket.updatedAt, now)}
                </time>
              )}
            </span>
          </li>
        );
      })}
    </ul>
  );
}
