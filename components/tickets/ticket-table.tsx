import { Fragment } from 'preact';
import { findStage, stageLabel, stageTone, ticketLabel, type Conversation, type Settings, type Ticket } from '@/domain';
import { recordPath } from '@/messaging/page-urls';
import { useT, type Translate } from '@/components/common/i18n';
import { formatAge, formatDateTime } from '@/components/common/format';

export interface TicketTableProps {
  tickets: Ticket[];
  settings: Settings;
  linked: Conversation[];
  /** The contacts' names, by address (a ticket shows its contact's address where none is known). */
  contactNames?: ReadonlyMap<string, string>;
  /** Which columns, in order: built-in names, or `properties.<name>` for a free property. */
  columns: readonly string[];
  /** Now, for how long an open ticket has waited. */
  now?: number;
  /** With a selection, each row starts with a checkbox (Shift-click selects a range). */
  selected?: ReadonlySet<string>;
  onToggle?: (id: string, range: boolean) => void;
  onToggleAll?: () => void;
  /** The row the keyboard is on. */
  focused?: string | null;
  onFocusRow?: (id: string) => void;
}

interface Row {
  ticket: Ticket;
  settings: Settings;
  counts: { all: number; open: number };
  contactNames?: ReadonlyMap<string, string> | undefined;
  now: number;
  t: Translate;
}

function header(column: string, t: Translate): string {
  if (column.startsWith('properties.')) return column.slice('properties.'.length);
  const keys: Record<string, string> = {
    number: '#',
    name: t('colName'),
    stage: t('stage'),
    waiting: t('colWaiting'),
    priority: t('priority'),
    owner: t('owner'),
    contact: t('contact'),
    conversations: t('colConversations'),
    created: t('prop_createdAt'),
    updated: t('prop_updatedAt'),
    category: t('prop_category'),
  };
  return keys[column] ?? column;
}

function cell(column: string, { ticket, settings, counts, contactNames, now, t }: Row) {
  const stage = findStage(settings, ticket.pipelineId, ticket.stageId);
  switch (column) {
    case 'number':
      return <td>{ticketLabel(ticket)}</td>;
    case 'name':
      return (
        <td>
          <a href={recordPath(ticket.id).slice(1)} tabIndex={-1}>
            {ticket.name}
          </a>
        </td>
      );
    case 'stage':
      return (
        <td class="stage" data-state={stage?.state} data-waiting={String(stageTone(stage) === 'waiting')}>
          {stageLabel(stage, t, ticket.stageId)}
        </td>
      );
    case 'waiting':
      return (
        <td class="waited" title={stage?.state === 'open' ? t('waitingSince', [formatDateTime(ticket.updatedAt)]) : undefined}>
          {stage?.state === 'open' ? formatAge(ticket.updatedAt, now) : '—'}
        </td>
      );
    case 'priority':
      return <td data-priority={ticket.priority}>{t(`priority_${ticket.priority}`)}</td>;
    case 'owner':
      return <td>{ticket.ownerId ? (settings.team.find((m) => m.id === ticket.ownerId)?.name ?? ticket.ownerId) : t('unassigned')}</td>;
    case 'contact':
      return (
        <td class="contact" title={ticket.contactEmail ?? ''}>
          {ticket.contactEmail ? (contactNames?.get(ticket.contactEmail) ?? ticket.contactEmail) : '—'}
        </td>
      );
    case 'conversations':
      return <td data-conversations={`${counts.open}/${counts.all}`}>{t('conversationCount', [counts.all, counts.open])}</td>;
    case 'created':
      return <td>{formatDateTime(ticket.createdAt)}</td>;
    case 'updated':
      return <td>{formatDateTime(ticket.updatedAt)}</td>;
    case 'category':
      return <td>{ticket.category ?? '—'}</td>;
    default: {
      const value = column.startsWith('properties.') ? ticket.properties[column.slice('properties.'.length)] : undefined;
      return <td class="property">{value === undefined || value === null || value === '' ? '—' : String(value)}</td>;
    }
  }
}

/** Tickets as a table, in the columns the agent chose; each row coloured by its stage. */
export function TicketTable({
  tickets,
  settings,
  linked,
  contactNames,
  columns,
  now = Date.now(),
  selected,
  onToggle,
  onToggleAll,
  focused,
  onFocusRow,
}: TicketTableProps) {
  const t = useT();
  if (tickets.length === 0) return <p class="empty">{t('noTicketsYet')}</p>;
  const counts = new Map<string, { all: number; open: number }>();
  for (const c of linked) {
    const n = counts.get(c.ticketId!) ?? { all: 0, open: 0 };
    counts.set(c.ticketId!, { all: n.all + 1, open: n.open + (c.state === 'open' ? 1 : 0) });
  }
  const selecting = selected !== undefined;
  const allShown = selecting && tickets.every((x) => selected.has(x.id));
  return (
    <div class="table-scroll">
      <table class="tickets">
        <thead>
          <tr>
            {selecting && (
              <th scope="col" class="select">
                <input type="checkbox" aria-label={t('selectAllShown')} checked={allShown} onChange={() => onToggleAll?.()} />
              </th>
            )}
            {columns.map((c) => (
              <th scope="col" key={c} data-column={c}>
                {header(c, t)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {tickets.map((ticket) => {
            const stage = findStage(settings, ticket.pipelineId, ticket.stageId);
            const row: Row = { ticket, settings, counts: counts.get(ticket.id) ?? { all: 0, open: 0 }, contactNames, now, t };
            const isSelected = selected?.has(ticket.id) ?? false;
            return (
              <tr
                key={ticket.id}
                id={`row-${ticket.id}`}
                data-ticket-id={ticket.id}
                data-tone={stageTone(stage)}
                data-focused={focused === ticket.id || undefined}
                aria-selected={selecting ? isSelected : undefined}
                tabIndex={onFocusRow ? -1 : undefined}
                onClick={() => onFocusRow?.(ticket.id)}
              >
                {selecting && (
                  <td class="select">
                    <input
                      type="checkbox"
                      tabIndex={-1}
                      aria-label={t('selectTicket', [ticketLabel(ticket)])}
                      checked={isSelected}
                      // The checkbox then draws what the selection says (a Shift-click range included).
                      onClick={(e) => onToggle?.(ticket.id, e.shiftKey)}
                    />
                  </td>
                )}
                {columns.map((c) => (
                  <Fragment key={c}>{cell(c, row)}</Fragment>
                ))}
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
