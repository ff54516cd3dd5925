import { z } from 'zod';
import { Email, RecordId } from './ids';
import { CAPS, FIELD_KEY_MAX } from './text';
import { DEFAULT_PIPELINE } from './zod-free/default-pipeline';

/** A member of the support team. The id of the webmail account's own user is their address. */
export const Owner = z.object({
  id: RecordId,
  name: z.string().max(CAPS.line),
  email: Email,
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

export const Settings = z.object({
  /** Details panel ("View more"): the chosen properties, in the user's order. */
  displayedProperties: z.array(PropertyKey).max(100),
  pipelines: z.array(Pipeline).min(1).max(20),
  team: z.array(Owner).max(TEAM_MAX),
  /** Notifications about followed contacts (new conversation, stage change). */
  notifications: z.boolean().default(true),
  /** A closed conversation reopens when its customer writes again (with its ticket). */
  reopenOnReply: z.boolean().default(true),
});
export type Settings = z.infer<typeof Settings>;

export { DEFAULT_PIPELINE };

export const DEFAULT_SETTINGS: Settings = {
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
