import type { Settings } from './settings';

/**
 * The stages the toolbar badge counts: the ones where the ball is in our court (the first open
 * stage of each pipeline, where new tickets land, and any stage named "waiting on us"). A count
 * of what the team owes customers, whoever owns it: one browser can hold several accounts, so
 * "owned by me" would be ambiguous.
 */
export function stagesWaitingOnUs(settings: Settings): Array<[pipelineId: string, stageId: string]> {
  return settings.pipelines.flatMap((p) => {
    const first = p.stages.find((s) => s.state === 'open');
    return p.stages
      .filter((s) => s.state === 'open' && (s === first || s.id === 'waiting-on-us' || /waiting on us/i.test(s.label)))
      .map((s) => [p.id, s.id] as [string, string]);
  });
}

/** The badge text: empty for none, "999+" past what fits. */
export function badgeText(count: number): string {
  return count <= 0 ? '' : count > 999 ? '999+' : String(count);
}
