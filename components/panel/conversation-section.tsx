import { useRef, useState } from 'preact/hooks';
import { Confirm } from '@/components/common/confirm';
import { providerDisplayName, type Conversation, type Owner, type Ticket } from '@/domain';
import { useT } from '@/components/common/i18n';
import { OwnerSelect } from '@/components/common/selects';
import { TicketPicker } from './ticket-picker';

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
  const heading = useRef<HTMLHeadingElement>(null);
  const addButton = useRef<HTMLButtonElement>(null);
  const open = p.conversation.state === 'open';
  return (
    <section class="card" aria-labelledby="conversation-heading">
      <div class="card__head">
        {/* Where the focus lands once a ticket is picked (the picker is gone; the ticket's card
            takes it when it appears), never the page's body. */}
        <h2 id="conversation-heading" class="section-title" tabIndex={-1} ref={heading}>
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
          <button type="button" ref={addButton} aria-expanded={picking} onClick={() => (setPicking(!picking), p.onSearch(''))}>
            {t('addToTicket')}
          </button>
        )}
        <button type="button" class="danger" onClick={() => setConfirming(true)}>
          {t('moveToTrash')}
        </button>
      </div>
      {picking && (
        <TicketPicker
          candidates={p.candidates}
          onSearch={p.onSearch}
          onPick={(ticketId) => (setPicking(false), heading.current?.focus(), p.onAddToTicket(ticketId))}
          onCancel={() => (setPicking(false), addButton.current?.focus())}
        />
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
