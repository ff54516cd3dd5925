import { ticketLabel, type Ticket } from '@/domain';
import { useT } from '@/components/common/i18n';

/** No webmail tab: what Sidedesk does, where it works, and recent tickets. */
export function NoWebmail({ recent, onOpenTicket }: { recent: Ticket[]; onOpenTicket: (id: string) => void }) {
  const t = useT();
  return (
    <section class="card empty-state">
      <h2 class="section-title">{t('noWebmailTitle')}</h2>
      <p>{t('noWebmailBody')}</p>
      <p class="muted">{t('supportedWebmails')}</p>
      {recent.length > 0 && (
        <>
          <h3 class="subtitle">{t('recentTickets')}</h3>
          <ul class="earlier">
            {recent.map((ticket) => (
              <li key={ticket.id}>
                <button type="button" class="link" onClick={() => onOpenTicket(ticket.id)}>
                  {ticketLabel(ticket)} {ticket.name}
                </button>
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}

/** A supported page the reader could not make sense of. */
export function Unreadable({ provider, reason }: { provider: string; reason: string }) {
  const t = useT();
  return (
    <section class="card notice" role="alert">
      <h2 class="section-title">{t('unreadableTitle', [provider])}</h2>
      <p>{reason}</p>
      <p class="muted">{t('unreadableStillWorks')}</p>
    </section>
  );
}

/** A webmail page with no conversation open. */
export function NothingOpen() {
  const t = useT();
  return (
    <section class="card empty-state">
      <p>{t('nothingOpen')}</p>
    </section>
  );
}
