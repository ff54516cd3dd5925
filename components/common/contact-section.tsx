import type { Contact, Conversation, Stage } from '@/domain';
import { stageLabel } from '@/domain/zod-free/stage-label';
import { useT } from './i18n';
import { formatDayMonth } from './format';

export interface EarlierConversation {
  conversation: Conversation;
  stage: Stage | null;
}

export interface ContactSectionProps {
  contact: Contact;
  earlier: EarlierConversation[];
  onFollow: (followed: boolean) => void;
  onOpen: (conversation: Conversation) => void;
}

/** The external person of the conversation, and their earlier conversations. */
export function ContactSection({ contact, earlier, onFollow, onOpen }: ContactSectionProps) {
  const t = useT();
  return (
    <section class="card" aria-labelledby="contact-heading">
      <h2 id="contact-heading" class="section-title">
        {t('contact')}
      </h2>
      <p class="contact-line">
        <strong>{contact.name || contact.email}</strong> <span class="muted">{contact.email}</span>
      </p>
      <div class="row">
        <span class="muted">{contact.companyDomain ?? ''}</span>
        <button type="button" class="follow" aria-pressed={contact.followed} onClick={() => onFollow(!contact.followed)}>
          {contact.followed ? `★ ${t('following')}` : `☆ ${t('follow')}`}
        </button>
      </div>
      {earlier.length > 0 && (
        <>
          <h3 class="subtitle">{t('earlierConversations', [earlier.length])}</h3>
          <ul class="earlier">
            {earlier.map(({ conversation, stage }) => (
              <li key={conversation.id}>
                <button type="button" class="link earlier__subject" onClick={() => onOpen(conversation)}>
                  {conversation.subject || t('noSubject')}
                </button>
                <span class="muted">{stage ? stageLabel(stage, t) : t('noTicket')}</span>
                <span class="muted">{formatDayMonth(conversation.lastMessageAt ?? conversation.lastSeenAt)}</span>
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
