import { z } from 'zod';
import { Email, RecordId } from './ids';
import { CAPS, FIELD_KEY_MAX } from './text';
import { DEFAULT_PIPELINE } from './zod-free/default-pipeline';

/** A member of the support team. The id of the webmail account's own user is their address. */
export const Owner = z.object({
  id: RecordId,
  name: z.string().max(CAPS.line),
  email: Email,
  /** False for a member who left: kept for the history (their tickets and timeline name them),
   * offered for no new work. Unset means active. */
  active: z.boolean().optional(),
});
export type Owner = z.infer<typeof Owner>;

export const Stage = z.object({
  id: RecordId,
  label: z.string().min(1).max(CAPS.line),
  /** A closed stage ends the work: moving a ticket into one closes its conversations. */
  state: z.enum(['open', 'closed']),
});
export type Stage = z.infer<typeof Stage>;

export const Pipeline = z
  .object({
    id: RecordId,
    label: z.string().min(1).max(CAPS.line),
    stages: z.array(Stage).min(1).max(50),
    reopenStageId: RecordId.optional(),
  })
  .refine((p) => new Set(p.stages.map((s) => s.id)).size === p.stages.length, {
    message: 'stage ids must be unique within a pipeline',
  })
  .refine((p) => p.stages.some((s) => s.state === 'open'), {
    message: 'a pipeline needs at least one open stage',
  });
export type Pipeline = z.infer<typeof Pipeline>;

/** The ticket properties a user can choose to show in the details panel. */
export const PropertyKey = z.string().min(1).max(FIELD_KEY_MAX);

/** The most members a team can have. */
export const TEAM_MAX = 500;
/** How many webmail accounts seen in this browser join the team by themselves. The browser's own
 * accounts are a handful; past this, a page reporting made-up accounts cannot grow the team, and
 * a colleague is added by hand (the conversation is recorded all the same). */
export const TEAM_SELF_JOIN_MAX = 25;

/** A property the team defines for every ticket, with its type; its values live in the ticket's
 * free properties under the same name, so free properties set before keep working. */
export const CustomProperty = z.object({
  name: z.string().min(1).max(CAPS.propertyName),
  type: z.enum(['text', 'number', 'date', 'choice']),
  /** The choices of a `choice` property, in the order offered. */
  choices: z.array(z.string().min(1).max(CAPS.propertyValue)).max(100).optional(),
});
export type CustomProperty = z.infer<typeof CustomProperty>;

/** What the toolbar badge counts. */
export const BADGE_MEANINGS = ['waiting-on-us', 'my-open'] as const;

/** How many days the trash keeps a group when the settings say nothing. */
export const TRASH_DAYS_DEFAULT = 90;

export const Settings = z.object({
  /** Grows by one with every change; a change made on an older copy is refused as a conflict. */
  rev: z.number().int().nonnegative().optional(),
  /** Details panel ("View more"): the chosen properties, in the user's order. */
  displayedProperties: z.array(PropertyKey).max(100),
  pipelines: z.array(Pipeline).min(1).max(20),
  team: z.array(Owner).max(TEAM_MAX),
  /** Notifications about followed contacts (new conversation, stage change). */
  notifications: z.boolean().default(true),
  /** A closed conversation reopens when its customer writes again (with its ticket). */
  reopenOnReply: z.boolean().default(true),
  /** Where new tickets go (unset: the first pipeline). */
  defaultPipelineId: RecordId.optional(),
  customProperties: z.array(CustomProperty).max(50).optional(),
  /** Days the trash keeps a group before it goes for good; null keeps it forever (unset: 90). */
  trashRetentionDays: z.number().int().min(1).max(36_500).nullable().optional(),
  badge: z.enum(BADGE_MEANINGS).optional(),
});
export type Settings = z.infer<typeof Settings>;

export { DEFAULT_PIPELINE };

export const DEFAULT_SETTINGS: Settings = {
  rev: 0,
  displayedProperties: ['description', 'category', 'source', 'contactEmail', 'updatedAt', 'closedAt'],
  pipelines: [DEFAULT_PIPELINE],
  team: [],
  notifications: true,
  reopenOnReply: true,
};

/** The open stage a closed ticket of `pipeline` reopens into (see PlainPipeline.reopenStageId). */
export function reopenStageOf(pipeline: Pipeline): Stage {
  const open = pipeline.stages.filter((s) => s.state === 'open');
  return (
    open.find((s) => s.id === pipeline.reopenStageId) ??
    open.find((s) => s.id === 'waiting-on-us' || /waiting on us/i.test(s.label)) ??
    open[0]!
  );
}

/** The stage `stageId` of pipeline `pipelineId`, or undefined when either is unknown. */
export function findStage(settings: Settings, pipelineId: string, stageId: string): Stage | undefined {
  return settings.pipelines.find((p) => p.id === pipelineId)?.stages.find((s) => s.id === stageId);
}

/** The settings' revision (0 before the first change). */
export function settingsRev(settings: Settings): number {
  return settings.rev ?? 0;
}

/** The pipeline new tickets go to. */
export function defaultPipeline(settings: Settings): Pipeline {
  return settings.pipelines.find((p) => p.id === settings.defaultPipelineId) ?? settings.pipelines[0]!;
}

/** Whether a member takes new work (one who left is kept for the history only). */
export function isActive(member: Owner): boolean {
  return member.active !== false;
}
