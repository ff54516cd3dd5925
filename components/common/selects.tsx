import { stageLabel, stageTone, type Owner, type Priority, type Stage } from '@/domain';
import { useT } from './i18n';

const PRIORITIES: Priority[] = ['low', 'medium', 'high', 'urgent'];

export function StageSelect({
  stages,
  value,
  onChange,
  id,
}: {
  stages: Stage[];
  value: string;
  onChange: (id: string) => void;
  id?: string;
}) {
  const t = useT();
  const current = stages.find((s) => s.id === value);
  return (
    <select
      id={id}
      class="stage-select"
      data-state={current?.state}
      data-waiting={String(stageTone(current) === 'waiting')}
      aria-label={t('stage')}
      value={value}
      onChange={(e) => onChange(e.currentTarget.value)}
    >
      {stages.map((s) => (
        <option key={s.id} value={s.id}>
          {stageLabel(s, t)}
        </option>
      ))}
    </select>
  );
}

export function PrioritySelect({ value, onChange, id }: { value: Priority; onChange: (p: Priority) => void; id?: string }) {
  const t = useT();
  return (
    <select
      id={id}
      class="priority-select"
      data-priority={value}
      aria-label={t('priority')}
      value={value}
      onChange={(e) => onChange(e.currentTarget.value as Priority)}
    >
      {PRIORITIES.map((p) => (
        <option key={p} value={p}>
          {t(`priority_${p}`)}
        </option>
      ))}
    </select>
  );
}

export function OwnerSelect({
  team,
  value,
  me,
  onChange,
  label,
  id,
}: {
  team: Owner[];
  value: string | null;
  me: string | null;
  onChange: (id: string | null) => void;
  label: string;
  id?: string;
}) {
  const t = useT();
  return (
    <select id={id} aria-label={label} value={value ?? ''} onChange={(e) => onChange(e.currentTarget.value || null)}>
      <option value="">{t('unassigned')}</option>
      {team.map((m) => (
        <option key={m.id} value={m.id}>
          {m.id === me ? t('ownerYou', [m.name]) : m.name}
        </option>
      ))}
    </select>
  );
}
