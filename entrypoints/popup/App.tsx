import { useEffect, useState } from 'preact/hooks';
import { useT } from '@/components/common/i18n';
import { StageSelect } from '@/components/common/selects';
import { Toast } from '@/components/common/toast';
import { SYSTEM_ACTOR, ticketLabel } from '@/domain';
import type { Client } from '@/messaging/client';
import type { SidedeskDatabase } from '@/store/database';
import { usePageCommands } from '@/pages/commands';
import { loadPopup } from './model';
import { useLiveQuery } from '@/pages/live-query';
import { providerName } from '@/domain/zod-free/providers';

export interface PopupApi {
  call: Client;
  activeTab(): Promise<{ id: number | null; windowId: number | undefined }>;
  openPanel(windowId: number | undefined): Promise<void>;
  openTickets(): void;
}

/** Quick status: the current conversation's ticket, and the most recent open tickets. */
export function App({ db, api }: { db: SidedeskDatabase; api: PopupApi }) {
  const t = useT();
  const [tab, setTab] = useState<{ id: number | null; windowId: number | undefined } | null>(null);
  useEffect(() => void api.activeTab().then(setTab), [api]);
  const model = useLiveQuery(() => loadPopup(db, tab?.id ?? null), [db, tab?.id]);
  const {
    commands: actions,
    toast,
    toaster,
  } = usePageCommands(api.call, model && { actor: model.conversation?.account ?? SYSTEM_ACTOR, settings: model.settings });
  if (!model || !tab) return <main class="popup" aria-busy="true" />;
  const stagesOf = (pipelineId: string) => model.settings.pipelines.find((p) => p.id === pipelineId)?.stages ?? [];
  const open = (ticketId: string) => void api.call('openTicket', { ticketId });
  const { conversation, ticket } = model;
  return (
    <main class="popup">
      <header class="panel__header">
        <h1>Sidedesk</h1>
        <button type="button" onClick={() => void api.openPanel(tab.windowId).catch(() => toaster.error(t('panelWontOpen')))}>
          {t('openSidePanel')}
        </button>
      </header>
      <section class="card" aria-labelledby="current-heading">
        <h2 id="current-heading" class="section-title">
          {t('thisConversation')}
        </h2>
        {ticket ? (
          <div class="popup-ticket">
            <button type="button" class="link" onClick={() => open(ticket.id)}>
              {ticketLabel(ticket)} {ticket.name}
            </button>
            <StageSelect
              id="current-stage"
              stages={stagesOf(ticket.pipelineId)}
              value={ticket.stageId}
              onChange={(stageId) => void actions.setStage(ticket, stageId, model.linked)}
            />
          </div>
        ) : conversation ? (
          <div class="popup-ticket">
            <span>{conversation.subject || t('noSubject')}</span>
            <button
              type="button"
              class="primary"
              onClick={() => void actions.run({ type: 'createTicket', conversationId: conversation.id, draft: { source: 'manual' } })}
            >
              {t('createTicket')}
            </button>
          </div>
        ) : (
          <p class="muted">
            {!model.tab
              ? t('noWebmailTitle')
              : model.tab.health.status === 'unreadable'
                ? t('unreadableTitle', [providerName(model.tab.url)])
                : t('nothingOpen')}
          </p>
        )}
      </section>
      <section class="card" aria-labelledby="recent-heading">
        <div class="card__head">
          <h2 id="recent-heading" class="section-title">
            {t('recentOpenTickets')}
          </h2>
          <button type="button" class="link" onClick={api.openTickets}>
            {t('allTickets')}
          </button>
        </div>
        {model.recent.length === 0 ? (
          <p class="muted">{t('noOpenTickets')}</p>
        ) : (
          <ul class="popup-list">
            {model.recent.map((r) => (
              <li key={r.id} data-ticket-id={r.id}>
                <button type="button" class="link" onClick={() => open(r.id)}>
                  {ticketLabel(r)} {r.name}
                </button>
                <StageSelect
                  stages={stagesOf(r.pipelineId)}
                  value={r.stageId}
                  onChange={(stageId) => void actions.setStage(r, stageId, model.recentLinked[r.id] ?? 0)}
                />
              </li>
            ))}
          </ul>
        )}
      </section>
      <Toast message={toast} onDismiss={toaster.dismiss} />
    </main>
  );
}
