import { useEffect, useRef, useState } from 'preact/hooks';
import { Confirm } from '@/components/common/confirm';
import { providerDisplayName, ticketLabel, type Conversation, type Owner, type Ticket } from '@/domain';
import { useT } from '@/components/common/i18n';
import { OwnerSelect } from '@/components/common/selects';

export interface ConversationSectionProps {
  conversation: Conversation;
  /** Conversations that go with it if it is trashed (its ticket's, itself included). */
  groupSize: number;
  hasTicket: boolean;
  team: Owner[];
  me: string | null;
  /** Tickets to offer in "Add to an existing ticket" (already filtered by the query). */
  candidates: Ticket[];
  onSearch: (query: string) => void;
  onOwner: (ownerId: string | null) => void;
  onClose: () => void;
  onReopen: () => void;
  onTrash: () => void;
  onAddToTicket: (ticketId: string) => void;
}

/** The open conversation: state, owner (rule 2 moves the ticket owner too), actions. */
export function ConversationSection(p: ConversationSectionProps) {
  const t = useT();
  const [confirming, setConfirming] = useState(false);
  const [picking, setPicking] = useState(false);
  const search = useRef<HTMLInputElement>(null);
  // The picker opens ready to type in.
  useEffect(() => void (picking && search.current?.focus()), [picking]);
  const open = p.conversation.state === 'open';
  return (
    <section class="card" aria-labelledby="conversation-heading">
      <div class="card__head">
        <h2 id="conversation-heading" class="section-title">
          {t('conversation')}
        </h2>
        <span class="muted" data-conversation-state={p.conversation.state}>
          {providerDisplayName(p.conversation.provider)} · {open ? t('stateOpen') : t('stateClosed')}
        </span>
      </div>
      <dl class="props">
        <dt>{t('owner')}</dt>
        <dd>
          <OwnerSelect team={p.team} value={p.conversation.ownerId} me={p.me} onChange={p.onOwner} label={t('conversationOwner')} />
        </dd>
      </dl>
      {p.hasTicket && <p class="hint">{t('ownerFlowsHint')}</p>}
      <div class="actions">
        {open ? (
          <button type="button" onClick={p.onClose}>
            {t('closeConversation')}
          </button>
        ) : (
          <button type="button" onClick={p.onReopen}>
            {t('reopenConversation')}
          </button>
        )}
        {!p.hasTicket && (
          <button type="button" aria-expanded={picking} onClick={() => (setPicking(!picking), p.onSearch(''))}>
            {t('addToTicket')}
          </button>
        )}
        <button type="button" class="danger" onClick={() => setConfirming(true)}>
          {t('moveToTrash')}
        </button>
      </div>
      {picking && (
        <div class="picker" role="group" aria-label={t('addToTicket')}>
          <input
            type="search"
            ref={search}
            aria-label={t('searchTickets')}
            placeholder={t('searchTickets')}
            onInput={(e) => p.onSearch(e.currentTarget.value)}
          />
          <ul>
            {p.candidates.length === 0 && <li class="muted">{t('noTicketsFound')}</li>}
            {p.candidates.map((ticket) => (
              <li key={ticket.id}>
                <button type="button" class="link" onClick={() => (setPicking(false), p.onAddToTicket(ticket.id))}>
                  {ticketLabel(ticket)} {ticket.name}
                </button>
              </li>
            ))}
          </ul>
        </div>
      )}
      {confirming && (
        <Confirm
          id="trash-question"
          question={p.hasTicket ? t('trashConfirmWithTicket', [p.groupSize]) : t('trashConfirmAlone')}
          hint={t('trashWebmailUntouched')}
          confirmLabel={t('moveToTrash')}
          onConfirm={() => (setConfirming(false), p.onTrash())}
          onCancel={() => setConfirming(false)}
        />
      )}
    </section>
  );
}
