import { Fragment } from 'preact';
import { memo } from '@/components/common/memo';
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
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

/** How many rows a new list draws before its first paint; the rest come in the next task. A
 * screen holds about this many: the agent sees the top of the list a frame sooner. */
export const FIRST_ROWS = 30;

interface Row {
  ticket: Ticket;
  settings: Settings;
  counts: { all: number; open: number };
  contactName: string | undefined;
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

function cell(column: string, { ticket, settings, counts, contactName, now, t }: Row) {
  const stage = findStage(settings, ticket.pipelineId, ticket.stageId);
  switch (column) {
    case 'number':
      return <td>{ticketLabel(ticket)}</td>;
    case 'name':
      return (
        <td class="name">
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
          {ticket.contactEmail ? (contactName ?? ticket.contactEmail) : '—'}
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

interface RowProps {
  ticket: Ticket;
  settings: Settings;
  columns: readonly string[];
  all: number;
  open: number;
  contactName: string | undefined;
  now: number;
  selecting: boolean;
  isSelected: boolean;
  isFocused: boolean;
  /** Stable across renders (the table's latest handlers behind one object), so that a row whose
   * ticket and state did not change is not drawn again. */
  actions: { current: Pick<TicketTableProps, 'onToggle' | 'onFocusRow'> };
  focusable: boolean;
}

const TicketRow = memo(function TicketRow({
  ticket,
  settings,
  columns,
  all,
  open,
  contactName,
  now,
  selecting,
  isSelected,
  isFocused,
  actions,
  focusable,
}: RowProps) {
  const t = useT();
  const stage = findStage(settings, ticket.pipelineId, ticket.stageId);
  const row: Row = { ticket, settings, counts: { all, open }, contactName, now, t };
  return (
    <tr
      id={`row-${ticket.id}`}
      data-ticket-id={ticket.id}
      data-tone={stageTone(stage)}
      data-focused={isFocused || undefined}
      aria-selected={selecting ? isSelected : undefined}
      tabIndex={focusable ? -1 : undefined}
      onClick={() => actions.current.onFocusRow?.(ticket.id)}
    >
      {selecting && (
        <td class="select">
          <input
            type="checkbox"
            tabIndex={-1}
            aria-label={t('selectTicket', [ticketLabel(ticket)])}
            checked={isSelected}
            // The checkbox then draws what the selection says (a Shift-click range included).
            onClick={(e) => actions.current.onToggle?.(ticket.id, e.shiftKey)}
          />
        </td>
      )}
      {columns.map((c) => (
        <Fragment key={c}>{cell(c, row)}</Fragment>
      ))}
    </tr>
  );
});

/** The rows to draw now: a new list (another first ticket) draws FIRST_ROWS before it is painted
 * and the rest in the next task; a list that grew or changed in place is drawn whole, so nothing
 * below the fold disappears for a frame. */
function useRowsInStages(tickets: Ticket[]): Ticket[] {
  const [whole, setWhole] = useState<Ticket[] | null>(null);
  const drawn = useRef<Ticket[]>([]);
  const fresh = whole !== tickets && tickets.length > FIRST_ROWS && drawn.current[0]?.id !== tickets[0]?.id;
  const rows = fresh ? tickets.slice(0, FIRST_ROWS) : tickets;
  drawn.current = rows;
  useEffect(() => {
    if (!fresh) return;
    const timer = setTimeout(() => setWhole(tickets), 0);
    return () => clearTimeout(timer);
  }, [tickets, fresh]);
  return rows;
}

/** Tickets as a table, in the columns the agent chose; each row coloured by its stage. */
export function TicketTable({
  tickets,
  settings,
  linked,
  contactNames,
  columns,
  now,
  selected,
  onToggle,
  onToggleAll,
  focused,
  onFocusRow,
}: TicketTableProps) {
  const t = useT();
  const actions = useRef<Pick<TicketTableProps, 'onToggle' | 'onFocusRow'>>({});
  actions.current = { onToggle, onFocusRow };
  // One "now" per list, not per render: rows that did not change are not drawn again.
  const at = useMemo(() => now ?? Date.now(), [tickets, now]);
  const rows = useRowsInStages(tickets);
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
          {rows.map((ticket) => {
            const n = counts.get(ticket.id);
            return (
              <TicketRow
                key={ticket.id}
                ticket={ticket}
                settings={settings}
                columns={columns}
                all={n?.all ?? 0}
                open={n?.open ?? 0}
                contactName={ticket.contactEmail ? contactNames?.get(ticket.contactEmail) : undefined}
                now={at}
                selecting={selecting}
                isSelected={selected?.has(ticket.id) ?? false}
                isFocused={focused === ticket.id}
                actions={actions}
                focusable={onFocusRow !== undefined}
              />
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
