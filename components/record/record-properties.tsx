import { Fragment } from 'preact';
import { useState } from 'preact/hooks';
import { CAPS, ticketLabel, type CustomProperty, type Owner, type Priority, type Stage, type Ticket } from '@/domain';
import { CustomPropertyField } from './custom-property';
import { useT } from '@/components/common/i18n';
import { InlineText } from '@/components/common/inline-text';
import { OwnerSelect, PrioritySelect, StageSelect } from '@/components/common/selects';
import { formatDateTime } from '@/components/common/format';

export interface RecordPropertiesProps {
  ticket: Ticket;
  stages: Stage[];
  team: Owner[];
  /** The team's typed properties, shown (and edited as their type says) on every ticket. */
  customProperties?: readonly CustomProperty[];
  /** Resolves true once stored; false when refused (the page has said why). */
  onChange: (changes: {
    name?: string;
    description?: string;
    priority?: Priority;
    category?: string | null;
    properties?: Record<string, string | number | boolean | null>;
  }) => Promise<boolean>;
  /** Someone else changed what was being edited: the latest is shown, nothing is overwritten. */
  onConflict: () => void;
  onStage: (stageId: string) => void;
  onOwner: (ownerId: string | null) => void;
}

/** Every property of the ticket, each editable. */
export function RecordProperties({
  ticket,
  stages,
  team,
  customProperties = [],
  onChange,
  onConflict,
  onStage,
  onOwner,
}: RecordPropertiesProps) {
  const typedNames = new Set(customProperties.map((p) => p.name));
  const t = useT();
  // The draft, and the description it was started from (to tell a change made elsewhere).
  const [description, setDescription] = useState<string | null>(null);
  const [descriptionBase, setDescriptionBase] = useState('');
  const [newProperty, setNewProperty] = useState<{ name: string; value: string; taken?: boolean } | null>(null);
  const saveDescription = async () => {
    if (description === null) return;
    if (ticket.description !== descriptionBase) {
      // Said once; the draft stays (to copy from, or to save over the latest on purpose).
      setDescriptionBase(ticket.description);
      return onConflict();
    }
    const sent = description;
    // Cleared only if nothing more was typed while it was being stored.
    if (await onChange({ description: sent })) setDescription((now) => (now === sent ? null : now));
  };
  /** A typed value back in the type the property had (a number stays a number). */
  const typed = (before: string | number | boolean | null, text: string): string | number | boolean | null => {
    if (text === '') return null;
    if (typeof before === 'number' && text.trim() !== '' && Number.isFinite(Number(text))) return Number(text);
    if (typeof before === 'boolean' && (text === 'true' || text === 'false')) return text === 'true';
    return text;
  };
  return (
    <section class="card" aria-labelledby="record-heading">
      <p class="muted">{ticketLabel(ticket)}</p>
      <h1 id="record-heading" class="record-title">
        <InlineText value={ticket.name} label={t('ticketName')} onSave={(name) => void onChange({ name })} onConflict={onConflict} />
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
          <InlineText
            value={ticket.category ?? ''}
            placeholder="—"
            allowEmpty
            label={t('prop_category')}
            onSave={(category) => void onChange({ category: category || null })}
            onConflict={onConflict}
          />
        </dd>
        <dt>{t('prop_source')}</dt>
        <dd>{t(`source_${ticket.source.replace(/-/g, '_')}`)}</dd>
        <dt>{t('created')}</dt>
        <dd>{formatDateTime(ticket.createdAt)}</dd>
        <dt>{t('prop_updatedAt')}</dt>
        <dd>{formatDateTime(ticket.updatedAt)}</dd>
        <dt>{t('prop_closedAt')}</dt>
        <dd>{ticket.closedAt ? formatDateTime(ticket.closedAt) : '—'}</dd>
        {customProperties.map((p) => (
          <Fragment key={`custom-${p.name}`}>
            <dt>{p.name}</dt>
            <dd>
              <CustomPropertyField
                property={p}
                value={ticket.properties[p.name]}
                onSave={(value) => void onChange({ properties: { [p.name]: value } })}
                onConflict={onConflict}
              />
            </dd>
          </Fragment>
        ))}
        {Object.entries(ticket.properties)
          .filter(([k]) => !typedNames.has(k))
          .map(([k, v]) => (
            <Fragment key={k}>
              <dt>{k}</dt>
              <dd>
                <InlineText
                  value={v === null ? '' : String(v)}
                  placeholder="—"
                  allowEmpty
                  label={k}
                  onSave={(value) => void onChange({ properties: { [k]: typed(v, value) } })}
                  onConflict={onConflict}
                />
              </dd>
            </Fragment>
          ))}
      </dl>
      {newProperty ? (
        <form
          class="new-property"
          onSubmit={(e) => {
            e.preventDefault();
            const name = newProperty.name.trim();
            if (!name) return;
            // A new property never replaces one the ticket has: that one is edited in place.
            if (Object.hasOwn(ticket.properties, name)) return setNewProperty({ ...newProperty, taken: true });
            void onChange({ properties: { [name]: newProperty.value.trim() || null } }).then((saved) => saved && setNewProperty(null));
          }}
        >
          <label class="field">
            <span>{t('propertyName')}</span>
            <input
              value={newProperty.name}
              maxLength={CAPS.propertyName}
              required
              aria-invalid={newProperty.taken ? 'true' : undefined}
              aria-describedby={newProperty.taken ? 'property-taken' : undefined}
              onInput={(e) => setNewProperty({ ...newProperty, name: e.currentTarget.value, taken: false })}
            />
          </label>
          {newProperty.taken && (
            <p id="property-taken" class="hint" role="alert">
              {t('propertyTaken')}
            </p>
          )}
          <label class="field">
            <span>{t('propertyValue')}</span>
            <input
              value={newProperty.value}
              maxLength={500}
              onInput={(e) => setNewProperty({ ...newProperty, value: e.currentTarget.value })}
            />
          </label>
          <div class="actions">
            <button type="submit" class="primary">
              {t('save')}
            </button>
            <button type="button" onClick={() => setNewProperty(null)}>
              {t('cancel')}
            </button>
          </div>
        </form>
      ) : (
        <button type="button" class="link add-property" onClick={() => setNewProperty({ name: '', value: '' })}>
          {t('addProperty')}
        </button>
      )}
      <label class="field">
        <span>{t('description')}</span>
        <textarea
          rows={5}
          maxLength={20000}
          value={description ?? ticket.description}
          onInput={(e) => (description === null && setDescriptionBase(ticket.description), setDescription(e.currentTarget.value))}
        />
      </label>
      {description !== null && description !== ticket.description && (
        <div class="actions">
          <button type="button" class="primary" onClick={() => void saveDescription()}>
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
