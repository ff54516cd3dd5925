import { Fragment } from 'preact';
import { useState } from 'preact/hooks';
import { ticketLabel, type Owner, type Priority, type Stage, type Ticket } from '../../domain';
import { useT } from '../i18n';
import { InlineText } from '../panel/inline-text';
import { OwnerSelect, PrioritySelect, StageSelect } from '../panel/selects';

export interface RecordPropertiesProps {
  ticket: Ticket;
  stages: Stage[];
  team: Owner[];
  onChange: (changes: { name?: string; description?: string; priority?: Priority; category?: string | null }) => void;
  onStage: (stageId: string) => void;
  onOwner: (ownerId: string | null) => void;
}

const when = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });

/** Every property of the ticket, each editable. */
export function RecordProperties({ ticket, stages, team, onChange, onStage, onOwner }: RecordPropertiesProps) {
  const t = useT();
  const [description, setDescription] = useState<string | null>(null);
  return (
    <section class="card" aria-labelledby="record-heading">
      <p class="muted">{ticketLabel(ticket)}</p>
      <h1 id="record-heading" class="record-title">
        <InlineText value={ticket.name} label={t('ticketName')} onSave={(name) => onChange({ name })} />
      </h1>
      <dl class="props props--wide">
        <dt>{t('stage')}</dt>
        <dd>
          <StageSelect stages={stages} value={ticket.stageId} onChange={onStage} />
        </dd>
        <dt>{t('priority')}</dt>
        <dd>
          <PrioritySelect value={ticket.priority} onChange={(priority) => onChange({ priority })} />
        </dd>
        <dt>{t('owner')}</dt>
        <dd>
          <OwnerSelect team={team} value={ticket.ownerId} me={null} onChange={onOwner} label={t('ticketOwner')} />
        </dd>
        <dt>{t('prop_category')}</dt>
        <dd>
          <InlineText value={ticket.category ?? ''} placeholder="—" allowEmpty label={t('prop_category')} onSave={(category) => onChange({ category: category || null })} />
        </dd>
        <dt>{t('prop_source')}</dt>
        <dd>{t(`source_${ticket.source.replace(/-/g, '_')}`)}</dd>
        <dt>{t('created')}</dt>
        <dd>{when.format(ticket.createdAt)}</dd>
        <dt>{t('prop_updatedAt')}</dt>
        <dd>{when.format(ticket.updatedAt)}</dd>
        <dt>{t('prop_closedAt')}</dt>
        <dd>{ticket.closedAt ? when.format(ticket.closedAt) : '—'}</dd>
        {Object.entries(ticket.properties).map(([k, v]) => (
          <Fragment key={k}>
            <dt>{k}</dt>
            <dd>{v === null ? '—' : String(v)}</dd>
          </Fragment>
        ))}
      </dl>
      <label class="field">
        <span>{t('description')}</span>
        <textarea rows={5} maxLength={20000} value={description ?? ticket.description} onInput={(e) => setDescription(e.currentTarget.value)} />
      </label>
      {description !== null && description !== ticket.description && (
        <div class="actions">
          <button type="button" class="primary" onClick={() => (onChange({ description }), setDescription(null))}>
            {t('save')}
          </button>
          <button type="button" onClick={() => setDescription(null)}>
            {t('cancel')}
          </button>
        </div>
      )}
    </section>
  );
}
