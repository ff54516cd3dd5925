import { useEffect, useRef } from 'preact/hooks';
import { ticketLabel, type TrashGroup } from '@/domain';
import { trashPath } from '@/messaging/page-urls';
import { useT } from './i18n';
import { formatDateTime } from './format';

export interface InTrashProps {
  /** The newest trash group holding what the page was showing. */
  group: TrashGroup;
  onRestore: () => void;
}

/** What the page was showing went to the trash: say so (not "nothing open"), offer Restore, and
 * link to its group on the trash page. */
export function InTrash({ group, onRestore }: InTrashProps) {
  const t = useT();
  const heading = useRef<HTMLHeadingElement>(null);
  // The button that trashed it is gone: the focus comes here rather than to the page's body.
  useEffect(() => {
    if (!document.activeElement || document.activeElement === document.body) heading.current?.focus();
  }, []);
  const ticket = group.tickets[0];
  const subject = group.conversations[0]?.subject || t('noSubject');
  return (
    <section class="card notice in-trash" aria-labelledby="in-trash-heading">
      <h2 id="in-trash-heading" class="section-title" tabIndex={-1} ref={heading}>
        {t('inTrashTitle')}
      </h2>
      <p>
        {ticket ? t('inTrashTicket', [ticketLabel(ticket), ticket.name, group.conversations.length]) : t('inTrashConversation', [subject])}
      </p>
      <p class="muted">{t('inTrashSince', [formatDateTime(group.trashedAt)])}</p>
      <div class="actions">
        <button type="button" class="primary" onClick={onRestore}>
          {t('restore')}
        </button>
        {/* In a tab of its own: from the side panel a link would otherwise replace the panel. */}
        <a href={trashPath(group.id)} target="_blank" rel="noopener">
          {t('showInTrash')}
        </a>
      </div>
    </section>
  );
}
