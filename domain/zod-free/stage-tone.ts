import type { PlainPipeline, PlainStage } from './pipeline-shape';

/** How a stage looks wherever it is shown (chip, stage select, tables): closed, waiting on
 * someone (the contact or us), or plainly open. */
export type StageTone = 'open' | 'waiting' | 'closed';

/** A waiting stage: an open stage whose id says it waits ("waiting-on-contact", "waiting-on-us"). */
export function isWaitingStage(stage: PlainStage): boolean {
  return stage.state === 'open' && stage.id.startsWith('waiting');
}

export function stageTone(stage: PlainStage | undefined): StageTone {
  if (!stage) return 'open';
  if (stage.state === 'closed') return 'closed';
  return isWaitingStage(stage) ? 'waiting' : 'open';
}

/**
 * Where the ball is in our court: the pipeline's first open stage (where new tickets land) and
 * any open stage called "waiting on us". What the toolbar badge counts.
 */
export function isWaitingOnUs(pipeline: PlainPipeline, stage: PlainStage): boolean {
  if (stage.state !== 'open') return false;
  const first = pipeline.stages.find((s) => s.state === 'open');
  return stage.id === first?.id || stage.id === 'waiting-on-us' || /waiting on us/i.test(stage.label);
}
