import type { Stage } from '../domain';
import { DEFAULT_PIPELINE } from '../domain/default-pipeline';
import type { Translate } from './i18n';

/**
 * A stage's name as the agent reads it. The default pipeline's stages are Sidedesk's own words, so
 * they follow the UI language until the user renames them; a renamed stage shows as typed.
 */
export function stageLabel(stage: Stage | undefined, t: Translate, fallback = ''): string {
  if (!stage) return fallback;
  const builtin = DEFAULT_PIPELINE.stages.find((s) => s.id === stage.id);
  return builtin && builtin.label === stage.label ? t(`stage_${stage.id.replace(/-/g, '_')}`) : stage.label;
}
