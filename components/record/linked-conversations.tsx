import type { Conversation } from '@/domain';
import { useT } from '@/components/common/i18n';
import { formatDate } from '@/components/common/format';

/** The ticket's conversations; each link reopens the thread in its webmail (https links only). */
export function LinkedConversations({ conversations }: { conversations: Conversation[] }) {
  const t = useT();
  return (
    <section class="card" aria-labelledby="linked-heading">
      <h2 id="linked-heading" class="section-title">
        {t('linkedConversations', [conversations.length])}
      </h2>
      <ul class="earlier">
        {conversations.map((c) => (
          <li key={c.id} data-conversation-id={c.id}>
            {c.url?.startsWith('https:') ? (
              <a href={c.url} target="_blank" rel="noopener noreferrer">
                {c.subject || t('noSubject')}
              </a>
            ) : (
              <span>{c.subject || t('noSubject')}</span>
            )}
            <span class="muted">{c.state === 'open' ? t('stateOpen') : t('stateClosed')}</span>
            <span class="muted">{formatDate(c.lastMessageAt ?? c.lastSeenAt)}</span>
          </li>
        ))}
      </ul>
    </section>
  );
}
