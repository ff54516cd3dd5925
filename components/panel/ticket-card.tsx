import { useEffect, useRef } from 'preact/hooks';
import { ticketLabel, type Owner, type Priority, type Stage, type Ticket } from '@/domain';
import { useT } from '@/components/common/i18n';
import { InlineText } from '@/components/common/inline-text';
import { OwnerSelect, PrioritySelect, StageSelect } from '@/components/common/selects';
import { formatDateTime } from '@/components/common/format';

export interface TicketCardProps {
  ticket: Ticket;
  stages: Stage[];
  team: Owner[];
  me: string | null;
  onRename: (name: string) => void;
  /** The name changed elsewhere while it was being edited. */
  onConflict: () => void;
  onStage: (stageId: string) => void;
  onPriority: (priority: Priority) => void;
  onOwner: (ownerId: string | null) => void;
  onOpenRecord: () => void;
  detailsOpen: boolean;
  onToggleDetails: () => void;
  /** The conversation was just added to this ticket from the picker: the focus comes here. */
  takeFocus?: boolean;
  onFocusTaken?: () => void;
}

/** The ticket's fixed properties (rule 7): name, stage, priority, owner, create date. */
export function TicketCard(p: TicketCardProps) {
  const t = useT();
  const number = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (!p.takeFocus) return;
    number.current?.focus();
    p.onFocusTaken?.();
  }, [p.takeFocus]);
  return (
    <section class="card" aria-labelledby="ticket-heading">
      <div class="card__head">
        <h2 id="ticket-heading" class="section-title">
          {t('ticket')}
        </h2>
        <button type="button" class="link" ref={number} onClick={p.onOpenRecord} title={t('openRecord')}>
          #{ticketLabel(p.ticket)}
        </button>
      </div>
      <div class="ticket-name">
        <InlineText value={p.ticket.name} label={t('ticketName')} onSave={p.onRename} onConflict={p.onConflict} />
      </div>
      <div class="row">
        <StageSelect stages={p.stages} value={p.ticket.stageId} onChange={p.onStage} />
        <PrioritySelect value={p.ticket.priority} onChange={p.onPriority} />
      </div>
      <dl class="props">
        <dt>{t('owner')}</dt>
        <dd>
          <OwnerSelect team={p.team} value={p.ticket.ownerId} me={p.me} onChange={p.onOwner} label={t('ticketOwner')} />
        </dd>
        <dt>{t('created')}</dt>
        <dd>{formatDateTime(p.ticket.createdAt)}</dd>
      </dl>
      <button type="button" class="link view-more" aria-expanded={p.detailsOpen} onClick={p.onToggleDetails}>
        {p.detailsOpen ? t('viewLess') : `${t('viewMore')} ›`}
      </button>
    </section>
  );
}
