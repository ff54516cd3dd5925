import { pipelineLabel, stageLabel, type Settings } from '@/domain';
import { useT } from '@/components/common/i18n';
import { COLUMNS, PROPERTY_COLUMN, SORTS, type TicketsView } from './view';

export interface FilterBarProps {
  view: TicketsView;
  settings: Settings;
  /** Free property names seen on the tickets shown, offered as columns. */
  properties: readonly string[];
  onChange: (patch: Partial<TicketsView>) => void;
}

const PRIORITIES = ['urgent', 'high', 'medium', 'low'] as const;
const SORT_KEYS: Record<(typeof SORTS)[number], string> = {
  updated: 'sortUpdated',
  created: 'sortCreated',
  priority: 'sortPriority',
  number: 'sortNumber',
  name: 'sortName',
};
const COLUMN_KEYS: Record<(typeof COLUMNS)[number], string> = {
  number: 'colNumber',
  name: 'colName',
  stage: 'stage',
  waiting: 'colWaiting',
  priority: 'priority',
  owner: 'owner',
  contact: 'contact',
  conversations: 'colConversations',
  created: 'prop_createdAt',
  updated: 'prop_updatedAt',
  category: 'prop_category',
};

/** The list's filters, sort and columns; every change goes to the view (and so to the address). */
export function FilterBar({ view, settings, properties, onChange }: FilterBarProps) {
  const t = useT();
  const more = [
    view.pipeline,
    view.category,
    view.contact,
    view.createdFrom,
    view.createdTo,
    view.updatedFrom,
    view.updatedTo,
    view.prop,
  ].filter((v) => v !== '').length;
  const custom = settings.customProperties ?? [];
  // The team's typed properties first, then the free ones seen on the tickets shown.
  const propertyNames = [
    ...new Set([
      ...custom.map((p) => p.name),
      ...properties,
      ...view.columns.filter((c) => c.startsWith(PROPERTY_COLUMN)).map((c) => c.slice(PROPERTY_COLUMN.length)),
      ...(view.prop ? [view.prop] : []),
    ]),
  ];
  const offered = [...COLUMNS, ...propertyNames.map((p) => PROPERTY_COLUMN + p)];
  const choices = custom.find((p) => p.name === view.prop)?.choices;
  const toggleColumn = (column: string, on: boolean) => {
    const next = on ? offered.filter((c) => c === column || view.columns.includes(c)) : view.columns.filter((c) => c !== column);
    if (next.length > 0) onChange({ columns: next });
  };
  return (
    <>
      <select aria-label={t('filterStage')} name="stage" value={view.stage} onChange={(e) => onChange({ stage: e.currentTarget.value })}>
        <option value="">{t('filterAnyStage')}</option>
        <option value="open">{t('filterAnyOpen')}</option>
        <option value="closed">{t('filterAnyClosed')}</option>
        <option value="waiting">{t('presetWaitingOnUs')}</option>
        {settings.pipelines.map((p) => (
          <optgroup key={p.id} label={pipelineLabel(p, t)}>
            {p.stages.map((s) => (
              <option key={s.id} value={`${p.id}:${s.id}`}>
                {stageLabel(s, t)}
              </option>
            ))}
          </optgroup>
        ))}
      </select>
      <select aria-label={t('filterOwner')} name="owner" value={view.owner} onChange={(e) => onChange({ owner: e.currentTarget.value })}>
        <option value="">{t('filterAnyOwner')}</option>
        <option value="me">{t('filterMe')}</option>
        <option value="unassigned">{t('unassigned')}</option>
        {settings.team.map((m) => (
          <option key={m.id} value={m.id}>
            {m.name || m.email}
          </option>
        ))}
      </select>
      <select
        aria-label={t('priority')}
        name="priority"
        value={view.priority}
        onChange={(e) => onChange({ priority: e.currentTarget.value })}
      >
        <option value="">{t('filterAnyPriority')}</option>
        {PRIORITIES.map((p) => (
          <option key={p} value={p}>
            {t(`priority_${p}`)}
          </option>
        ))}
      </select>
      {/* The board's columns are always newest change first. */}
      {view.mode === 'list' && (
        <select
          aria-label={t('sortBy')}
          name="sort"
          value={view.sort}
          onChange={(e) => onChange({ sort: e.currentTarget.value as TicketsView['sort'] })}
        >
          {SORTS.map((s) => (
            <option key={s} value={s}>
              {t(SORT_KEYS[s])}
            </option>
          ))}
        </select>
      )}
      <details class="popover" open={more > 0 || undefined}>
        <summary>{more > 0 ? t('moreFiltersOn', [more]) : t('moreFilters')}</summary>
        <div class="popover__body filters">
          {settings.pipelines.length > 1 && (
            <label>
              {t('filterPipeline')}
              <select name="pipeline" value={view.pipeline} onChange={(e) => onChange({ pipeline: e.currentTarget.value })}>
                <option value="">{t('filterAnyPipeline')}</option>
                {settings.pipelines.map((p) => (
                  <option key={p.id} value={p.id}>
                    {pipelineLabel(p, t)}
                  </option>
                ))}
              </select>
            </label>
          )}
          <label>
            {t('prop_category')}
            <input
              type="text"
              name="category"
              value={view.category}
              onChange={(e) => onChange({ category: e.currentTarget.value.trim() })}
            />
          </label>
          <label>
            {t('filterContact')}
            <input
              type="email"
              name="contact"
              placeholder="anna@example.com"
              value={view.contact}
              onChange={(e) => onChange({ contact: e.currentTarget.value.trim().toLowerCase() })}
            />
          </label>
          {propertyNames.length > 0 && (
            <fieldset>
              <legend>{t('filterProperty')}</legend>
              <select
                name="prop"
                aria-label={t('filterProperty')}
                value={view.prop}
                onChange={(e) => onChange({ prop: e.currentTarget.value, propValue: '' })}
              >
                <option value="">{t('filterAnyProperty')}</option>
                {propertyNames.map((p) => (
                  <option key={p} value={p}>
                    {p}
                  </option>
                ))}
              </select>{' '}
              {view.prop &&
                (choices ? (
                  <select
                    name="propValue"
                    aria-label={t('filterPropertyValue')}
                    value={view.propValue}
                    onChange={(e) => onChange({ propValue: e.currentTarget.value })}
                  >
                    <option value="">{t('filterAnyValue')}</option>
                    {choices.map((c) => (
                      <option key={c} value={c}>
                        {c}
                      </option>
                    ))}
                  </select>
                ) : (
                  <input
                    type="text"
                    name="propValue"
                    aria-label={t('filterPropertyValue')}
                    placeholder={t('filterAnyValue')}
                    value={view.propValue}
                    onChange={(e) => onChange({ propValue: e.currentTarget.value.trim() })}
                  />
                ))}
            </fieldset>
          )}
          <DayRange which="created" view={view} onChange={onChange} />
          <DayRange which="updated" view={view} onChange={onChange} />
          {more > 0 && (
            <button
              type="button"
              class="link"
              onClick={() =>
                onChange({
                  pipeline: '',
                  category: '',
                  contact: '',
                  createdFrom: '',
                  createdTo: '',
                  updatedFrom: '',
                  updatedTo: '',
                  prop: '',
                  propValue: '',
                })
              }
            >
              {t('clearFilters')}
            </button>
          )}
        </div>
      </details>
      {view.mode === 'list' && (
        <details class="popover">
          <summary>{t('columns')}</summary>
          <fieldset class="popover__body columns">
            <legend class="sr-only">{t('columns')}</legend>
            {offered.map((c) => (
              <label key={c}>
                <input
                  type="checkbox"
                  name="column"
                  value={c}
                  checked={view.columns.includes(c)}
                  onChange={(e) => toggleColumn(c, e.currentTarget.checked)}
                />{' '}
                {c.startsWith(PROPERTY_COLUMN) ? c.slice(PROPERTY_COLUMN.length) : t(COLUMN_KEYS[c as (typeof COLUMNS)[number]])}
              </label>
            ))}
          </fieldset>
        </details>
      )}
    </>
  );
}

/** A created or last-change range: two days, each bounding the other. */
function DayRange({ which, view, onChange }: { which: 'created' | 'updated'; view: TicketsView; onChange: FilterBarProps['onChange'] }) {
  const t = useT();
  const from = `${which}From` as const;
  const to = `${which}To` as const;
  const label = which === 'created' ? 'filterCreated' : 'filterUpdated';
  return (
    <fieldset>
      <legend>{t(label)}</legend>
      <input
        type="date"
        name={from}
        aria-label={t(`${label}From`)}
        value={view[from]}
        max={view[to] || undefined}
        onChange={(e) => onChange({ [from]: e.currentTarget.value })}
      />
      –
      <input
        type="date"
        name={to}
        aria-label={t(`${label}To`)}
        value={view[to]}
        min={view[from] || undefined}
        onChange={(e) => onChange({ [to]: e.currentTarget.value })}
      />
    </fieldset>
  );
}
