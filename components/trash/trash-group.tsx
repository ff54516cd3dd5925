import { useState } from 'preact/hooks';
import { SYSTEM_ACTOR, ticketLabel, type Owner, type TrashGroup } from '@/domain';
import { providerDisplayName } from '@/domain/zod-free/providers';
import { Confirm } from '../common/confirm';
import { formatDateTime } from '../common/format';
import { useT } from '../common/i18n';

export interface TrashGroupProps {
  group: TrashGroup;
  team: readonly Owner[];
  /** The group the address names: marked, and scrolled to by the page. */
  target: boolean;
  onRestore: () => void;
  onPurge: () => void;
}

/** Who deleted it, as the agent knows them: a teammate's name, else the address or id as stored. */
function actorName(actor: string, team: readonly Owner[]): string {
  if (actor === SYSTEM_ACTOR) return 'Sidedesk';
  const member = team.find((m) => m.id === actor || m.email === actor);
  return member?.name || actor;
}

/** One deleted group: its ticket, every conversation it took, when, by whom, from which action;
 * Restore, and Delete forever after one confirmation. */
export function TrashGroupCard({ group, team, target, onRestore, onPurge }: TrashGroupProps) {
  const t = useT();
  const [confirming, setConfirming] = useState(false);
  const ticket = group.tickets[0];
  const headingId = `trash-${group.id}-title`;
  const title = ticket ? `${ticketLabel(ticket)} · ${ticket.name}` : group.conversations[0]?.subject || t('noSubject');
  const action = group.origin.kind === 'delete-ticket' ? t('trashDeletedTicket') : t('trashTrashedConversation');
  const contact = ticket?.contactEmail ?? group.conversations[0]?.contactEmail ?? null;
  return (
    <li id={group.id} class={`card trash-group${target ? ' is-target' : ''}`} tabIndex={-1} aria-labelledby={headingId}>
      <div class="card__head">
        <h2 id={headingId} class="trash-group__title">
          {title}
        </h2>
        <span class="trash-group__action">{action}</span>
      </div>
      <p class="muted">
        {t('trashWhenWho', [formatDateTime(group.trashedAt), actorName(group.actor, team)])}
        {contact && <> · {contact}</>}
      </p>
      {!ticket && <p class="muted">{t('trashNoTicket')}</p>}
      <h3 class="subtitle">{t('trashConversations', [group.conversations.length])}</h3>
      <ul class="trash-group__conversations">
        {group.conversations.map((c) => (
          <li key={c.id}>
            {c.subject || t('noSubject')} <span class="muted">· {providerDisplayName(c.provider)}</span>
          </li>
        ))}
      </ul>
      {confirming ? (
        <Confirm
          id={`purge-${group.id}`}
          question={ticket ? t('deleteForeverConfirm', [ticketLabel(ticket), group.conversations.length]) : t('deleteForeverConfirmAlone')}
          hint={t('deleteForeverHint')}
          confirmLabel={t('deleteForever')}
          onConfirm={() => (setConfirming(false), onPurge())}
          onCancel={() => setConfirming(false)}
        />
      ) : (
        <div class="actions">
          <button type="button" class="primary" onClick={onRestore}>
            {t('restore')}
          </button>
          <button type="button" class="danger" onClick={() => setConfirming(true)}>
            {t('deleteForever')}
          </button>
        </div>
      )}
    </li>
  );
}
