import type { Stage, Ticket } from '@/domain';
import { PROVIDERS } from '@/domain/zod-free/providers';
import { useT } from '@/components/common/i18n';
import { TicketList } from '@/components/common/ticket-list';
import { NothingOpen } from './notices';

export interface PanelHomeProps {
  /** Why there is no conversation: no webmail tab at all, or a webmail page with none open. */
  reason: 'no-webmail' | 'nothing-open';
  accounts: string[];
  /** The accounts are the one signed in to the followed tab, not all of this browser's. */
  accountOfTab: boolean;
  mine: Ticket[];
  more: number;
  moreCapped: boolean;
  waitingOnUs: number;
  recent: Ticket[];
  stageOf: (ticket: Ticket) => Stage | undefined;
  now: number;
  onOpenTicket: (ticketId: string) => void;
}

const webmails = new Intl.ListFormat(undefined, { type: 'conjunction' }).format(PROVIDERS.map((p) => p.name));

/** The agent's queue when no conversation is open: my open tickets, what waits on us, the most
 * recent tickets; and what Sidedesk does, with the webmails it reads. */
export function PanelHome(props: PanelHomeProps) {
  const t = useT();
  const { reason, accounts, accountOfTab, mine, more, moreCapped, waitingOnUs, recent, stageOf, now, onOpenTicket } = props;
  return (
    <>
      {reason === 'nothing-open' && <NothingOpen />}
      <section class="card queue" aria-labelledby="mine-heading">
        <div class="card__head">
          <h2 id="mine-heading" class="section-title">
            {t('myOpenTickets')}
          </h2>
          <p class="queue__waiting" data-testid="waiting-on-us">
            {t('waitingOnUsCount', [waitingOnUs])}
          </p>
        </div>
        {accounts.length > 0 && <p class="hint">{t(accountOfTab ? 'mineOfTab' : 'mineMeans', [accounts.join(', ')])}</p>}
        {mine.length > 0 ? (
          <TicketList tickets={mine} stageOf={stageOf} now={now} onOpen={onOpenTicket} label={t('myOpenTickets')} />
        ) : (
          <p class="muted">{accounts.length ? t('noOpenTicketsOfMine') : t('noAccountYet')}</p>
        )}
        {more > 0 && <p class="hint">{t(moreCapped ? 'moreOfMineCapped' : 'moreOfMine', [more])}</p>}
      </section>
      {recent.length > 0 && (
        <section class="card queue" aria-labelledby="recent-heading">
          <h2 id="recent-heading" class="section-title">
            {t('recentTickets')}
          </h2>
          <TicketList tickets={recent} stageOf={stageOf} now={now} onOpen={onOpenTicket} label={t('recentTickets')} />
        </section>
      )}
      <section class="card empty-state" aria-labelledby="about-heading">
        <h2 id="about-heading" class="section-title">
          {reason === 'no-webmail' ? t('noWebmailTitle') : t('aboutSidedesk')}
        </h2>
        <p>{t('noWebmailBody')}</p>
        <p class="muted">{t('supportedWebmails', [webmails])}</p>
      </section>
    </>
  );
}
