import { findStage, ticketLabel, type Conversation, type Settings, type Ticket } from '../domain';

export interface TicketTableProps {
  tickets: Ticket[];
  settings: Settings;
  linked: Conversation[];
}

const dateFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });

/** Tickets as a table: number, name, stage, conversations, last change. */
export function TicketTable({ tickets, settings, linked }: TicketTableProps) {
  if (tickets.length === 0) return <p class="empty">No tickets yet. Open a conversation in your webmail and create one.</p>;
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
          <th scope="col">Name</th>
          <th scope="col">Stage</th>
          <th scope="col">Conversations</th>
          <th scope="col">Updated</th>
        </tr>
      </thead>
      <tbody>
        {tickets.map((t) => {
          const stage = findStage(settings, t.pipelineId, t.stageId);
          const n = counts.get(t.id) ?? { all: 0, open: 0 };
          return (
            <tr key={t.id} data-ticket-id={t.id}>
              <td>{ticketLabel(t)}</td>
              <td>{t.name}</td>
              <td class="stage" data-state={stage?.state} data-waiting={String(stage?.id.startsWith('waiting') ?? false)}>
                {stage?.label ?? t.stageId}
              </td>
              <td data-conversations={`${n.open}/${n.all}`}>
                {n.all} ({n.open} open)
              </td>
              <td>{dateFormat.format(t.updatedAt)}</td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
