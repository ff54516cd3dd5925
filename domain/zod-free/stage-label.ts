import { DEFAULT_PIPELINE } from './default-pipeline';
import type { PlainStage } from './pipeline-shape';
import type { Translate } from './translate';

/**
 * A stage's name as the agent reads it. The default pipeline's stages are Sidedesk's own words, so
 * they follow the UI language until the user renames them; a renamed stage shows as typed.
 */
export function stageLabel(stage: PlainStage | undefined, t: Translate, fallback = ''): string {
  if (!stage) return fallback;
  const builtin = DEFAULT_PIPELINE.stages.find((s) => s.id === stage.id);
  return builtin && builtin.label === stage.label ? t(`stage_${stage.id.replace(/-/g, '_')}`) : stage.label;
}

/** A pipeline's name as the agent reads it: the default pipeline's own name follows the UI
 * language until the user renames it. */
export function pipelineLabel(pipeline: { id: string; label: string } | undefined, t: Translate, fallback = ''): string {
  if (!pipeline) return fallback;
  return pipeline.id === DEFAULT_PIPELINE.id && pipeline.label === DEFAULT_PIPELINE.label ? t('pipeline_support') : pipeline.label;
}
