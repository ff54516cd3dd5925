import { useState } from 'preact/hooks';
import { useT } from '@/components/common/i18n';
import { stageLabel } from '@/domain';
import { TicketTable } from '@/components/tickets/ticket-table';
import type { SidedeskDatabase } from '@/store/database';
import { useLiveQuery } from '@/pages/live-query';
import type { Client } from '@/messaging/client';
import { PAGE_PATHS } from '@/messaging/page-urls';
import { addressOf, loadTickets, viewFromAddress, type TicketsView } from './model';
import { DEFAULT_VIEW, isPreset, PRESETS } from './view';

const PAGE = 100;

/** All tickets, newest activity first, or those a search finds. Reads the database directly;
 * writes go to the background. */
export function App({ db, call }: { db: SidedeskDatabase; call: Client }) {
  const t = useT();
  const [view, setView] = useState<TicketsView>(() => viewFromAddress(location.search));
  const [shown, setShown] = useState(PAGE);
  const data = useLiveQuery(() => loadTickets(db, view, shown), [db, view.q, view.stage, view.owner, view.closedIn, view.sort, shown]);
  const change = (patch: Partial<TicketsView>) => {
    const next = { ...view, ...patch };
    setView(next);
    setShown(PAGE);
    // The view lives in the address: a reload or a bookmark opens the same list.
    history.replaceState(null, '', addressOf(next, location.href));
  };
  return (
    <main class="page">
      <div class="page__head">
        <h1>{t('ticketsTitle')}</h1>
        <a href={PAGE_PATHS.trash.slice(1)}>{t('trashTitle')}</a>
        {data && (
          <div class="toggles">
            <label class="toggle">
              <input
                type="checkbox"
                checked={data.settings.notifications}
                onChange={(e) => void call('updateSettings', { ...data.settings, notifications: e.currentTarget.checked })}
              />{' '}
              {t('notifyFollowed')}
            </label>
            <label class="toggle">
              <input
                type="checkbox"
                name="reopen-on-reply"
                checked={data.settings.reopenOnReply}
                onChange={(e) => void call('updateSettings', { ...data.settings, reopenOnReply: e.currentTarget.checked })}
              />{' '}
              {t('reopenOnReply')}
            </label>
          </div>
        )}
      </div>
      <nav class="page__presets" aria-label={t('presets')}>
        {PRESETS.map((p) => (
          <button
            key={p.key}
            type="button"
            class="link"
            aria-pressed={isPreset(view, p.view)}
            onClick={() => change({ ...DEFAULT_VIEW, q: view.q, sort: view.sort, ...p.view })}
          >
            {t(p.key)}
          </button>
        ))}
      </nav>
      <div class="page__tools" role="search">
        <input
          type="search"
          name="q"
          class="page__search"
          aria-label={t('searchTickets')}
          placeholder={t('searchTickets')}
          value={view.q}
          onInput={(e) => change({ q: e.currentTarget.value })}
        />
        {data && (
          <>
            <select
              aria-label={t('filterStage')}
              name="stage"
              value={view.stage}
              onChange={(e) => change({ stage: e.currentTarget.value })}
            >
              <option value="">{t('filterAnyStage')}</option>
              <option value="open">{t('filterAnyOpen')}</option>
              <option value="closed">{t('filterAnyClosed')}</option>
              <option value="waiting">{t('presetWaitingOnUs')}</option>
              {data.settings.pipelines.map((p) => (
                <optgroup key={p.id} label={p.label}>
                  {p.stages.map((s) => (
                    <option key={s.id} value={`${p.id}:${s.id}`}>
                      {stageLabel(s, t)}
                    </option>
                  ))}
                </optgroup>
              ))}
            </select>
            <select
              aria-label={t('filterOwner')}
              name="owner"
              value={view.owner}
              onChange={(e) => change({ owner: e.currentTarget.value })}
            >
              <option value="">{t('filterAnyOwner')}</option>
              <option value="me">{t('filterMe')}</option>
              <option value="unassigned">{t('unassigned')}</option>
              {data.settings.team.map((m) => (
                <option key={m.id} value={m.id}>
                  {m.name || m.email}
                </option>
              ))}
            </select>
            <select
              aria-label={t('sortBy')}
              name="sort"
              value={view.sort}
              onChange={(e) => change({ sort: e.currentTarget.value as TicketsView['sort'] })}
            >
              <option value="updated">{t('sortUpdated')}</option>
              <option value="created">{t('sortCreated')}</option>
              <option value="number">{t('sortNumber')}</option>
            </select>
          </>
        )}
      </div>
      {data?.truncated && (
        <p class="hint" role="status">
          {t('searchTruncated')}
        </p>
      )}
      {data === undefined ? (
        <p aria-busy="true">{t('loading')}</p>
      ) : (view.q.trim() || view.stage || view.owner || view.closedIn) && data.tickets.length === 0 ? (
        <p class="empty" role="status">
          {view.q.trim() ? t('noTicketsMatch', [view.q.trim()]) : t('noTicketsInView')}
        </p>
      ) : (
        <TicketTable tickets={data.tickets} settings={data.settings} linked={data.linked} contactNames={data.contactNames} />
      )}
      {data?.more && (
        <button type="button" class="show-more" onClick={() => setShown((n) => n + PAGE)}>
          {t('showMoreTickets', [PAGE])}
        </button>
      )}
    </main>
  );
}
