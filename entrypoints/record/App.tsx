import { useState } from 'preact/hooks';
import { useT } from '@/components/common/i18n';
import { ContactSection } from '@/components/common/contact-section';
import { Toast } from '@/components/common/toast';
import { Confirm } from '@/components/common/confirm';
import { InTrash } from '@/components/common/in-trash';
import { LinkedConversations } from '@/components/record/linked-conversations';
import { RecordProperties } from '@/components/record/record-properties';
import { Timeline } from '@/components/record/timeline';
import type { Client } from '@/messaging/client';
import { trashHolding, type SidedeskDatabase } from '@/store/database';
import { readSettings } from '@/store/settings';
import { usePageCommands } from '@/pages/commands';
import { useLiveQuery } from '@/pages/live-query';
import { findStage, newestFirst, SYSTEM_ACTOR } from '@/domain';
import { TicketList } from '@/components/common/ticket-list';
import { PAGE_PATHS, recordPath } from '@/messaging/page-urls';
import { contactTickets } from './contact-tickets';

/** The ticket record page: every property, the timeline, linked conversations, the contact. */
export function App({ db, ticketId, call }: { db: SidedeskDatabase; ticketId: string; call: Client }) {
  const t = useT();
  const [confirming, setConfirming] = useState(false);
  const model = useLiveQuery(async () => {
    const ticket = await db.tickets.get(ticketId);
    const settings = await readSettings(db);
    const conversations = ticket ? await db.conversations.where('ticketId').equals(ticket.id).toArray() : [];
    const contact = ticket?.contactEmail ? await db.contacts.get(ticket.contactEmail) : undefined;
    const timeline = ticket
      ? newestFirst(await db.timeline.where('[ticketId+at]').between([ticket.id, 0], [ticket.id, Infinity]).toArray())
      : [];
    // Gone: in the trash (say so, with Restore), or deleted for good.
    const trashed = ticket ? undefined : await trashHolding(db, ticketId);
    const theirs = ticket?.contactEmail ? await contactTickets(db, ticket.contactEmail, ticket.id) : { tickets: [], more: 0 };
    return { ticket, settings, conversations, contact, timeline, trashed, theirs };
  }, [db, ticketId]);
  const {
    commands: actions,
    toast,
    toaster,
  } = usePageCommands(call, model && { actor: model.conversations[0]?.account ?? SYSTEM_ACTOR, settings: model.settings }, [ticketId]);
  if (!model) return <main class="record" aria-busy="true" />;
  const { ticket, settings } = model;
  const back = (
    <nav class="record__nav">
      <a href={PAGE_PATHS.tickets.slice(1)}>← {t('allTickets')}</a>
    </nav>
  );
  if (!ticket) {
    return (
      <main class="record">
        {back}
        {model.trashed ? (
          <InTrash group={model.trashed} onRestore={() => void actions.restore(model.trashed!)} />
        ) : (
          <section class="card empty-state">
            <p>{t('ticketNotFound')}</p>
          </section>
        )}
        <Toast message={toast} onDismiss={toaster.dismiss} />
      </main>
    );
  }
  const stages = settings.pipelines.find((p) => p.id === ticket.pipelineId)?.stages ?? [];
  document.title = `${ticket.name} — Sidedesk`;
  return (
    <main class="record">
      {back}
      <div class="record__main">
        <RecordProperties
          ticket={ticket}
          stages={stages}
          team={settings.team}
          customProperties={settings.customProperties ?? []}
          onChange={(changes) =>
            actions.run({ type: 'updateTicket', ticketId: ticket.id, rev: ticket.rev, changes }).then((r) => r !== null)
          }
          onConflict={() => toaster.error(t('conflictShown'))}
          onStage={(stageId) => void actions.setStage(ticket, stageId, model.conversations.length)}
          onOwner={(ownerId) => void actions.run({ type: 'setTicketOwner', ticketId: ticket.id, rev: ticket.rev, ownerId })}
        />
        <LinkedConversations conversations={model.conversations} />
        {model.contact && (
          <ContactSection
            contact={model.contact}
            earlier={[]}
            onFollow={(followed) => void actions.run({ type: 'followContact', email: model.contact!.email, followed })}
            onOpen={() => undefined}
          />
        )}
        {model.theirs.tickets.length > 0 && (
          <section class="card" aria-labelledby="their-tickets-heading">
            <h2 id="their-tickets-heading" class="section-title">
              {t('contactOtherTickets')}
            </h2>
            <TicketList
              tickets={model.theirs.tickets}
              stageOf={(other) => findStage(settings, other.pipelineId, other.stageId)}
              now={Date.now()}
              hrefOf={(id) => recordPath(id).slice(1)}
              label={t('contactOtherTickets')}
              showContact={false}
            />
            {model.theirs.more > 0 && <p class="hint">{t('contactMoreTickets', [model.theirs.more])}</p>}
          </section>
        )}
        <section class="card">
          {confirming ? (
            <Confirm
              id="delete-question"
              question={t('deleteConfirm', [model.conversations.length])}
              hint={t('trashWebmailUntouched')}
              confirmLabel={t('deleteTicket')}
              onConfirm={() => (setConfirming(false), void actions.deleteTicket(ticket, model.conversations.length))}
              onCancel={() => setConfirming(false)}
            />
          ) : (
            <button type="button" class="danger" onClick={() => setConfirming(true)}>
              {t('deleteTicket')}
            </button>
          )}
        </section>
      </div>
      <section class="card record__timeline" aria-labelledby="timeline-heading">
        <h2 id="timeline-heading" class="section-title">
          {t('timeline')}
        </h2>
        <Timeline
          entries={model.timeline}
          stages={stages}
          team={settings.team}
          subjects={new Map(model.conversations.map((c) => [c.id, c.subject]))}
        />
      </section>
      <Toast message={toast} onDismiss={toaster.dismiss} />
    </main>
  );
}
