import { useEffect, useState } from 'preact/hooks';
import { useT } from '@/components/common/i18n';
import { ContactSection } from '@/components/common/contact-section';
import { ConversationSection } from '@/components/panel/conversation-section';
import { CreateTicketForm } from '@/components/panel/create-ticket-form';
import { DetailsPanel } from '@/components/panel/details-panel';
import { Unreadable } from '@/components/panel/notices';
import { PanelHome } from '@/components/panel/panel-home';
import { InTrash } from '@/components/common/in-trash';
import { TicketCard } from '@/components/panel/ticket-card';
import { Toast } from '@/components/common/toast';
import { defaultPipeline, findStage, SYSTEM_ACTOR, ticketLabel, type Ticket } from '@/domain';
import type { Client } from '@/messaging/client';
import type { SidedeskDatabase } from '@/store/database';
import { usePageCommands } from '@/pages/commands';
import { loadPanel, searchTickets } from './model';
import { accountPlace, type KnownAccount } from './tab-account';
import { useLiveQuery } from '@/pages/live-query';
import { providerName } from '@/domain/zod-free/providers';
import { PAGE_PATHS } from '@/messaging/page-urls';

export interface PanelApi {
  call: Client;
  activeTabId(): Promise<number | null>;
  onTabChange(listener: () => void): () => void;
  openInTab(tabId: number, url: string): void;
}

export function App({ db, api }: { db: SidedeskDatabase; api: PanelApi }) {
  const t = useT();
  // undefined until the browser says which tab is active: no "open a conversation" flash first.
  const [tabId, setTabId] = useState<number | null | undefined>(undefined);
  const [busy, setBusy] = useState(false);
  const [query, setQuery] = useState<string | null>(null);
  const [detailsOpen, setDetailsOpen] = useState(false);
  // The conversation just added to a ticket from the picker: its ticket card takes the focus.
  const [joined, setJoined] = useState<string | null>(null);
  useEffect(() => {
    const refresh = () => void api.activeTabId().then(setTabId);
    refresh();
    return api.onTabChange(refresh);
  }, [api]);
  // The account the followed tab was last seen signed in to: the queue is that account's while the
  // tab stays in its place (a reader reports no account when no conversation is open).
  const [known, setKnown] = useState<KnownAccount | null>(null);
  const model = useLiveQuery(() => loadPanel(db, tabId ?? null, known), [db, tabId, known]);
  const seen = model?.conversation && model.tab && !model.conversation.account.endsWith('.invalid') ? model : undefined;
  useEffect(() => {
    if (!seen?.conversation || !seen.tab) return;
    const next = { tabId: seen.tab.tabId, account: seen.conversation.account, place: accountPlace(seen.tab.url) };
    setKnown((prev) => (prev?.tabId === next.tabId && prev.account === next.account && prev.place === next.place ? prev : next));
  }, [seen?.conversation?.account, seen?.tab?.tabId, seen?.tab?.url]);
  const candidates = useLiveQuery(() => (query === null ? Promise.resolve([] as Ticket[]) : searchTickets(db, query)), [db, query]) ?? [];

  const {
    commands: actions,
    toast,
    toaster,
  } = usePageCommands(
    api.call,
    model && { actor: model.conversation?.account ?? SYSTEM_ACTOR, settings: model.settings },
    // What the panel is about now: a message about another conversation or ticket goes.
    model && [model.tab?.conversationId, model.ticket?.id].filter((id): id is string => !!id),
  );

  if (!model || tabId === undefined) return <main class="panel" aria-busy="true" />;
  const { conversation, ticket, settings, tab } = model;
  const pipeline = (ticket && settings.pipelines.find((p) => p.id === ticket.pipelineId)) ?? defaultPipeline(settings);
  const me = conversation?.account ?? null;
  const openRecord = (id: string) => void api.call('openTicket', { ticketId: id });

  const home = model.home && (
    <PanelHome
      {...model.home}
      // The followed tab is a webmail (with no record on a mailbox list, where no script runs).
      reason={tabId !== null ? 'nothing-open' : 'no-webmail'}
      stageOf={(t) => findStage(settings, t.pipelineId, t.stageId)}
      now={Date.now()}
      onOpenTicket={openRecord}
    />
  );

  let body;
  if (!tab) body = home;
  else if (tab.health.status === 'unreadable') body = <Unreadable provider={providerName(tab.url)} reason={tab.health.reason} />;
  else if (!conversation && model.trashed) body = <InTrash group={model.trashed} onRestore={() => void actions.restore(model.trashed!)} />;
  else if (!conversation) body = home;
  else {
    body = (
      <>
        {ticket ? (
          <TicketCard
            ticket={ticket}
            stages={pipeline.stages}
            team={settings.team}
            me={me}
            onOpenRecord={() => openRecord(ticket.id)}
            onRename={(name) => void actions.run({ type: 'updateTicket', ticketId: ticket.id, rev: ticket.rev, changes: { name } })}
            onConflict={() => toaster.error(t('conflictShown'), [ticket.id])}
            onPriority={(priority) =>
              void actions.run({ type: 'updateTicket', ticketId: ticket.id, rev: ticket.rev, changes: { priority } })
            }
            onOwner={(ownerId) => void actions.run({ type: 'setTicketOwner', ticketId: ticket.id, rev: ticket.rev, ownerId })}
            onStage={(stageId) => void actions.setStage(ticket, stageId, model.groupSize)}
            detailsOpen={detailsOpen}
            onToggleDetails={() => setDetailsOpen(!detailsOpen)}
            takeFocus={joined === conversation.id}
            onFocusTaken={() => setJoined(null)}
          />
        ) : (
          <CreateTicketForm
            key={conversation.id}
            conversation={conversation}
            stages={pipeline.stages}
            team={settings.team}
            me={me}
            busy={busy}
            onCreate={async (draft) => {
              setBusy(true);
              const result = await actions.run({
                type: 'createTicket',
                conversationId: conversation.id,
                draft: { ...draft, source: 'email' },
              });
              setBusy(false);
              if (result?.ticket) toaster.info(t('toastCreated', [ticketLabel(result.ticket)]), [conversation.id, result.ticket.id]);
            }}
          />
        )}
        {ticket && detailsOpen && (
          <DetailsPanel
            ticket={ticket}
            displayed={settings.displayedProperties}
            team={settings.team}
            onSaveDisplayed={async (displayedProperties) => {
              if (await actions.changeSettings({ kind: 'setDisplayedProperties', properties: displayedProperties })) {
                toaster.info(t('displayedSaved'));
              }
            }}
          />
        )}
        <ConversationSection
          conversation={conversation}
          groupSize={model.groupSize}
          hasTicket={!!ticket}
          team={settings.team}
          me={me}
          candidates={candidates}
          onSearch={setQuery}
          onOwner={(ownerId) => void actions.setConversationOwner(conversation.id, conversation.rev, ownerId)}
          onClose={() => void actions.run({ type: 'closeConversation', conversationId: conversation.id, rev: conversation.rev })}
          onReopen={() => void actions.run({ type: 'reopenConversation', conversationId: conversation.id, rev: conversation.rev })}
          onTrash={() => void actions.trash(conversation.id, conversation.rev, !!ticket, model.groupSize)}
          onAddToTicket={async (ticketId) => {
            const result = await actions.run({ type: 'addConversationToTicket', conversationId: conversation.id, ticketId });
            if (result) setJoined(conversation.id);
          }}
        />
        {model.contact && (
          <ContactSection
            contact={model.contact}
            earlier={model.earlier}
            onFollow={(followed) => void actions.run({ type: 'followContact', email: model.contact!.email, followed })}
            onOpen={(c) => c.url && typeof tabId === 'number' && api.openInTab(tabId, c.url)}
          />
        )}
      </>
    );
  }
  return (
    <main class="panel">
      <header class="panel__header">
        <h1>Sidedesk</h1>
        <nav class="panel__links">
          <a href={PAGE_PATHS.tickets.slice(1)} target="_blank" rel="noopener">
            {t('allTickets')}
          </a>
          <a href={PAGE_PATHS.options.slice(1)} target="_blank" rel="noopener" aria-label={t('settingsTitle')} title={t('settingsTitle')}>
            ⚙
          </a>
        </nav>
      </header>
      {body}
      <Toast message={toast} onDismiss={toaster.dismiss} />
    </main>
  );
}
