import { useState } from 'preact/hooks';
import type { Conversation, Owner, Priority, Stage } from '@/domain';
import { useT } from '@/components/common/i18n';
import { OwnerSelect, PrioritySelect, StageSelect } from '@/components/common/selects';

export interface TicketDraftInput {
  name: string;
  description: string;
  stageId: string;
  priority: Priority;
  ownerId: string | null;
}

export interface CreateTicketFormProps {
  conversation: Conversation;
  stages: Stage[];
  team: Owner[];
  me: string | null;
  busy: boolean;
  onCreate: (draft: TicketDraftInput) => void;
}

/** A conversation without a ticket: name from the subject, Create as the default button. */
export function CreateTicketForm({ conversation, stages, team, me, busy, onCreate }: CreateTicketFormProps) {
  const t = useT();
  const [draft, setDraft] = useState<TicketDraftInput>({
    name: conversation.subject || t('noSubject'),
    description: '',
    stageId: stages.find((s) => s.state === 'open')?.id ?? stages[0]!.id,
    priority: 'medium',
    ownerId: conversation.ownerId,
  });
  const set = (patch: Partial<TicketDraftInput>) => setDraft({ ...draft, ...patch });
  return (
    <form
      class="card create-form"
      aria-labelledby="create-heading"
      onSubmit={(e) => {
        e.preventDefault();
        if (draft.name.trim()) onCreate({ ...draft, name: draft.name.trim() });
      }}
    >
      <h2 id="create-heading" class="section-title">
        {t('createTicket')}
      </h2>
      <label class="field">
        <span>{t('ticketName')}</span>
        <input name="name" required maxLength={500} value={draft.name} onInput={(e) => set({ name: e.currentTarget.value })} />
      </label>
      <label class="field">
        <span>{t('description')}</span>
        <textarea
          name="description"
          rows={3}
          maxLength={20000}
          value={draft.description}
          onInput={(e) => set({ description: e.currentTarget.value })}
        />
      </label>
      <div class="row">
        <label class="field">
          <span>{t('stage')}</span>
          <StageSelect stages={stages} value={draft.stageId} onChange={(stageId) => set({ stageId })} commit="each" />
        </label>
        <label class="field">
          <span>{t('priority')}</span>
          <PrioritySelect value={draft.priority} onChange={(priority) => set({ priority })} commit="each" />
        </label>
      </div>
      <label class="field">
        <span>{t('owner')}</span>
        <OwnerSelect
          team={team}
          value={draft.ownerId}
          me={me}
          onChange={(ownerId) => set({ ownerId })}
          label={t('ticketOwner')}
          commit="each"
        />
      </label>
      <button type="submit" class="primary" disabled={busy}>
        {busy ? t('saving') : t('create')}
      </button>
    </form>
  );
}
