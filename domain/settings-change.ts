import { z } from 'zod';
import { Email, RecordId } from './ids';
import { PropertyKey, BADGE_MEANINGS, type CustomProperty, type Pipeline, type Settings, type Stage } from './settings';
import { CAPS, cleanLine } from './text';
import { deskError, type DeskError } from './zod-free/errors';

const label = z
  .string()
  .max(CAPS.line * 4)
  .transform((s) => cleanLine(s))
  .pipe(z.string().min(1, 'a name is needed'));
const by = z.union([z.literal(-1), z.literal(1)]);

/**
 * One change of the settings, as the options page asks for it. Each is small and named, so two
 * agents changing different things never overwrite each other's work, and the settings timeline
 * says exactly what changed.
 */
export const SettingsChange = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('addMember'), name: label, email: Email }),
  z.object({ kind: z.literal('renameMember'), memberId: RecordId, name: label }),
  z.object({ kind: z.literal('setMemberActive'), memberId: RecordId, active: z.boolean() }),
  z.object({ kind: z.literal('addPipeline'), label }),
  z.object({ kind: z.literal('renamePipeline'), pipelineId: RecordId, label }),
  z.object({ kind: z.literal('movePipeline'), pipelineId: RecordId, by }),
  z.object({ kind: z.literal('setDefaultPipeline'), pipelineId: RecordId }),
  z.object({ kind: z.literal('addStage'), pipelineId: RecordId, label, state: z.enum(['open', 'closed']) }),
  z.object({ kind: z.literal('renameStage'), pipelineId: RecordId, stageId: RecordId, label }),
  z.object({ kind: z.literal('moveStage'), pipelineId: RecordId, stageId: RecordId, by }),
  z.object({ kind: z.literal('setStageState'), pipelineId: RecordId, stageId: RecordId, state: z.enum(['open', 'closed']) }),
  z.object({ kind: z.literal('setReopenStage'), pipelineId: RecordId, stageId: RecordId }),
  z.object({ kind: z.literal('deleteStage'), pipelineId: RecordId, stageId: RecordId }),
  z.object({ kind: z.literal('setDisplayedProperties'), properties: z.array(PropertyKey).max(100) }),
  z.object({
    kind: z.literal('addCustomProperty'),
    name: z
      .string()
      .max(CAPS.propertyName * 4)
      .transform((s) => cleanLine(s, CAPS.propertyName))
      .pipe(z.string().min(1, 'a name is needed')),
    type: z.enum(['text', 'number', 'date', 'choice']),
    choices: z
      .array(
        z
          .string()
          .max(CAPS.propertyValue)
          .transform((s) => cleanLine(s, CAPS.propertyValue)),
      )
      .max(100)
      .optional(),
  }),
  z.object({ kind: z.literal('removeCustomProperty'), name: z.string().min(1).max(CAPS.propertyName) }),
  z.object({
    kind: z.literal('setBehaviour'),
    notifications: z.boolean().optional(),
    reopenOnReply: z.boolean().optional(),
    trashRetentionDays: z.number().int().min(1).max(36_500).nullable().optional(),
    badge: z.enum(BADGE_MEANINGS).optional(),
  }),
]);
export type SettingsChange = z.infer<typeof SettingsChange>;
export type SettingsChangeInput = z.input<typeof SettingsChange>;
export type SettingsChangeKind = SettingsChange['kind'];

/** What a change needs to know beyond the settings: fresh ids, and how many tickets are in the
 * stage it is about (a stage with tickets can be neither deleted nor switched open/closed). */
export interface ChangeContext {
  newId: () => string;
  ticketsInStage: number;
}

/** A change applied: the new settings, and what the settings timeline says (what it was, what it became). */
export type Applied = { ok: true; settings: Settings; from: string | null; to: string | null } | { ok: false; error: DeskError };

const invalid = (message: string): Applied => ({ ok: false, error: deskError('invalid', message) });

function move<T>(items: readonly T[], index: number, step: -1 | 1): T[] | null {
  const j = index + step;
  if (index < 0 || j < 0 || j >= items.length) return null;
  const next = [...items];
  [next[index], next[j]] = [next[j]!, next[index]!];
  return next;
}

/** A new id that no sibling has (the options page never asks for ids: names are for people). */
function freshId(label: string, taken: readonly string[], newId: () => string): string {
  const slug = label
    .toLowerCase()
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .slice(0, 40);
  return slug && !taken.includes(slug) ? slug : newId();
}

/**
 * Applies one change to the settings, or says why it cannot be made. Pure: the guards that need the
 * stored tickets get their count in `ctx`.
 */
export function applySettingsChange(settings: Settings, change: SettingsChange, ctx: ChangeContext): Applied {
  const pipelines = settings.pipelines;
  const withPipeline = (pipelineId: string, edit: (p: Pipeline) => Pipeline | string): Applied | Pipeline[] => {
    const i = pipelines.findIndex((p) => p.id === pipelineId);
    if (i < 0) return { ok: false, error: deskError('not-found', `No pipeline has the id ${pipelineId}.`) };
    const edited = edit(pipelines[i]!);
    if (typeof edited === 'string') return invalid(edited);
    return pipelines.map((p, j) => (j === i ? edited : p));
  };
  const done = (next: Partial<Settings>, from: string | null, to: string | null): Applied => ({
    ok: true,
    settings: { ...settings, ...next },
    from,
    to,
  });
  const stageOf = (pipelineId: string, stageId: string): Stage | undefined =>
    pipelines.find((p) => p.id === pipelineId)?.stages.find((s) => s.id === stageId);
  const pipelineName = (id: string) => pipelines.find((p) => p.id === id)?.label ?? id;

  switch (change.kind) {
    case 'addMember': {
      if (settings.team.some((m) => m.email === change.email || m.id === change.email)) {
        return invalid(`${change.email} is already on the team.`);
      }
      return done(
        { team: [...settings.team, { id: change.email, name: change.name, email: change.email }] },
        null,
        `${change.name} <${change.email}>`,
      );
    }
    case 'renameMember':
    case 'setMemberActive': {
      const member = settings.team.find((m) => m.id === change.memberId);
      if (!member) return { ok: false, error: deskError('not-found', `No team member has the id ${change.memberId}.`) };
      if (change.kind === 'renameMember') {
        return done({ team: settings.team.map((m) => (m.id === member.id ? { ...m, name: change.name } : m)) }, member.name, change.name);
      }
      const team = settings.team.map((m) => {
        if (m.id !== member.id) return m;
        const { active: _active, ...rest } = m;
        return change.active ? rest : { ...rest, active: false };
      });
      return done(
        { team },
        `${member.name || member.email}: ${member.active === false ? 'inactive' : 'active'}`,
        `${member.name || member.email}: ${change.active ? 'active' : 'inactive'}`,
      );
    }
    case 'addPipeline': {
      if (pipelines.length >= 20) return invalid('A desk has at most 20 pipelines.');
      const id = freshId(
        change.label,
        pipelines.map((p) => p.id),
        ctx.newId,
      );
      const pipeline: Pipeline = {
        id,
        label: change.label,
        stages: [
          { id: 'new', label: 'New', state: 'open' },
          { id: 'closed', label: 'Closed', state: 'closed' },
        ],
      };
      return done({ pipelines: [...pipelines, pipeline] }, null, change.label);
    }
    case 'renamePipeline': {
      const next = withPipeline(change.pipelineId, (p) => ({ ...p, label: change.label }));
      return Array.isArray(next) ? done({ pipelines: next }, pipelineName(change.pipelineId), change.label) : next;
    }
    case 'movePipeline': {
      const moved = move(
        pipelines,
        pipelines.findIndex((p) => p.id === change.pipelineId),
        change.by,
      );
      if (!moved) return invalid(`Pipeline ${pipelineName(change.pipelineId)} cannot move further.`);
      return done({ pipelines: moved }, null, `${pipelineName(change.pipelineId)} ${change.by < 0 ? '↑' : '↓'}`);
    }
    case 'setDefaultPipeline': {
      if (!pipelines.some((p) => p.id === change.pipelineId))
        return { ok: false, error: deskError('not-found', `No pipeline has the id ${change.pipelineId}.`) };
      return done(
        { defaultPipelineId: change.pipelineId },
        settings.defaultPipelineId ? pipelineName(settings.defaultPipelineId) : null,
        pipelineName(change.pipelineId),
      );
    }
    case 'addStage': {
      const next = withPipeline(change.pipelineId, (p) => {
        if (p.stages.length >= 50) return 'A pipeline has at most 50 stages.';
        const id = freshId(
          change.label,
          p.stages.map((s) => s.id),
          ctx.newId,
        );
        // A new open stage goes before the closed ones, a closed one at the end.
        const at = change.state === 'open' ? p.stages.findIndex((s) => s.state === 'closed') : -1;
        const stages = [...p.stages];
        stages.splice(at < 0 ? stages.length : at, 0, { id, label: change.label, state: change.state });
        return { ...p, stages };
      });
      return Array.isArray(next) ? done({ pipelines: next }, null, `${pipelineName(change.pipelineId)}: ${change.label}`) : next;
    }
    case 'renameStage':
    case 'moveStage':
    case 'setStageState':
    case 'setReopenStage':
    case 'deleteStage': {
      const stage = stageOf(change.pipelineId, change.stageId);
      if (!stage)
        return {
          ok: false,
          error: deskError('unknown-stage', `Pipeline ${pipelineName(change.pipelineId)} has no stage ${change.stageId}.`),
        };
      const where = `${pipelineName(change.pipelineId)}: ${stage.label}`;
      const next = withPipeline(change.pipelineId, (p) => {
        switch (change.kind) {
          case 'renameStage':
            return { ...p, stages: p.stages.map((s) => (s.id === stage.id ? { ...s, label: change.label } : s)) };
          case 'moveStage': {
            const stages = move(p.stages, p.stages.indexOf(stage), change.by);
            return stages ? { ...p, stages } : `Stage ${stage.label} cannot move further.`;
          }
          case 'setStageState': {
            if (stage.state === change.state) return p;
            // Tickets in it would be closed without their conversations (rule 3), or open with a close date.
            if (ctx.ticketsInStage > 0)
              return `${ctx.ticketsInStage} ticket(s) are in stage ${stage.label}; move them before switching it between open and closed.`;
            const stages = p.stages.map((s) => (s.id === stage.id ? { ...s, state: change.state } : s));
            if (!stages.some((s) => s.state === 'open')) return 'A pipeline needs at least one open stage.';
            const reopen = p.reopenStageId === stage.id && change.state === 'closed' ? { reopenStageId: undefined } : {};
            return { ...p, stages, ...reopen };
          }
          case 'setReopenStage':
            return stage.state === 'open'
              ? { ...p, reopenStageId: stage.id }
              : `${stage.label} is closed: a ticket reopens into an open stage.`;
          case 'deleteStage': {
            if (ctx.ticketsInStage > 0)
              return `${ctx.ticketsInStage} ticket(s) are in stage ${stage.label}; move them to another stage first.`;
            const stages = p.stages.filter((s) => s.id !== stage.id);
            if (!stages.some((s) => s.state === 'open')) return 'A pipeline needs at least one open stage.';
            const { reopenStageId, ...rest } = p;
            return { ...rest, stages, ...(reopenStageId && reopenStageId !== stage.id ? { reopenStageId } : {}) };
          }
        }
      });
      if (!Array.isArray(next)) return next;
      const [from, to] =
        change.kind === 'renameStage'
          ? [where, `${pipelineName(change.pipelineId)}: ${change.label}`]
          : change.kind === 'setStageState'
            ? [`${where} (${stage.state})`, `${where} (${change.state})`]
            : change.kind === 'deleteStage'
              ? [where, null]
              : change.kind === 'moveStage'
                ? [null, `${where} ${change.by < 0 ? '↑' : '↓'}`]
                : [null, where];
      return done({ pipelines: next }, from, to);
    }
    case 'setDisplayedProperties':
      return done(
        { displayedProperties: [...new Set(change.properties)] },
        settings.displayedProperties.join(', '),
        [...new Set(change.properties)].join(', '),
      );
    case 'addCustomProperty': {
      const existing = settings.customProperties ?? [];
      if (existing.some((p) => p.name.toLowerCase() === change.name.toLowerCase()))
        return invalid(`A property called ${change.name} exists already.`);
      const choices = [...new Set((change.choices ?? []).filter((c) => c !== ''))];
      if (change.type === 'choice' && choices.length === 0) return invalid('A choice property needs at least one choice.');
      const property: CustomProperty = { name: change.name, type: change.type, ...(change.type === 'choice' ? { choices } : {}) };
      return done({ customProperties: [...existing, property] }, null, `${change.name} (${change.type})`);
    }
    case 'removeCustomProperty': {
      const existing = settings.customProperties ?? [];
      const gone = existing.find((p) => p.name === change.name);
      if (!gone) return { ok: false, error: deskError('not-found', `No property is called ${change.name}.`) };
      // The tickets keep their values as free properties: nothing a ticket holds is lost.
      return done({ customProperties: existing.filter((p) => p !== gone) }, `${gone.name} (${gone.type})`, null);
    }
    case 'setBehaviour': {
      const { kind: _kind, ...asked } = change;
      const patch = Object.fromEntries(Object.entries(asked).filter(([, v]) => v !== undefined)) as Partial<Settings>;
      const keys = Object.keys(patch) as Array<keyof Settings>;
      if (keys.length === 0) return invalid('Nothing to change.');
      const show = (s: Partial<Settings>) => keys.map((k) => `${k}: ${String(s[k] ?? '—')}`).join(', ');
      return done(patch, show(settings), show(patch));
    }
  }
}
