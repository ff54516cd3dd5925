import { Fragment } from 'preact';
import { isDisguisedEmail, type Contact, type Conversation, type Stage } from '@/domain';
import { stageLabel } from '@/domain/zod-free/stage-label';
import { useT } from './i18n';
import { formatDate, formatDayMonth } from './format';

export interface EarlierConversation {
  conversation: Conversation;
  stage: Stage | null;
  /** When its mail was written (or, without one, last seen). */
  date: number;
  /** Against the open conversation: the same thread in another of the agent's accounts, or
   * written before or after it. */
  relation: 'same-thread' | 'earlier' | 'later';
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
      {isDisguisedEmail(contact.email) && (
        <p class="hint disguised" role="note">
          {t('disguisedAddress')}
        </p>
      )}
      <div class="row">
        <span class="muted">{contact.companyDomain ?? ''}</span>
        <button type="button" class="follow" aria-pressed={contact.followed} onClick={() => onFollow(!contact.followed)}>
          {contact.followed ? `★ ${t('following')}` : `☆ ${t('follow')}`}
        </button>
      </div>
      {earlier.length > 0 && (
        <>
          <h3 class="subtitle">
            {earlier.every((e) => e.relation === 'earlier')
              ? t('earlierConversations', [earlier.length])
              : t('otherConversations', [earlier.length])}
          </h3>
          <ul class="earlier">
            {earlier.map(({ conversation, stage, date, relation }, i) => (
              <Fragment key={conversation.id}>
                {/* Newest first: where the open conversation would be, say so once. */}
                {relation === 'earlier' && earlier[i - 1]?.relation !== 'earlier' && i > 0 && (
                  <li class="earlier__divider">{t('earlierThanThis')}</li>
                )}
                <li data-relation={relation}>
                  <button type="button" class="link earlier__subject" onClick={() => onOpen(conversation)}>
                    {conversation.subject || t('noSubject')}
                  </button>
                  <span class="muted">{stage ? stageLabel(stage, t) : t('noTicket')}</span>
                  <span class="muted">
                    <time dateTime={new Date(date).toISOString()}>{shortDate(date)}</time>
                  </span>
                  {relation !== 'earlier' && (
                    <span class="earlier__relation">
                      {relation === 'same-thread' ? t('sameThreadOtherAccount', [conversation.account]) : t('laterThanThis')}
                    </span>
                  )}
                </li>
              </Fragment>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}

/** A day of this year by day and month; an older one with its year. */
function shortDate(ms: number): string {
  return new Date(ms).getFullYear() === new Date().getFullYear() ? formatDayMonth(ms) : formatDate(ms);
}
