import { describe, expect, it } from 'vitest';
import { pipelineLabel, stageLabel } from '@/domain/zod-free/stage-label';

const t = (key: string) => `pl:${key}`;

describe('stage labels', () => {
  it.each([
    [{ id: 'closed', label: 'Closed', state: 'closed' as const }, 'pl:stage_closed'],
    [{ id: 'waiting-on-us', label: 'Waiting on us', state: 'open' as const }, 'pl:stage_waiting_on_us'],
    [{ id: 'closed', label: 'Done and dusted', state: 'closed' as const }, 'Done and dusted'],
    [{ id: 'escalated', label: 'Escalated', state: 'open' as const }, 'Escalated'],
  ])('%j reads as %s', (stage, expected) => {
    expect(stageLabel(stage, t)).toBe(expected);
  });

  it('falls back when the stage is unknown', () => {
    expect(stageLabel(undefined, t, 'archived')).toBe('archived');
  });
});

describe('a pipeline’s name', () => {
  it('the default pipeline speaks the UI language until renamed; any other shows as typed', () => {
    const t = (key: string) => (key === 'pipeline_support' ? 'Proces obsługi' : key);
    expect(pipelineLabel({ id: 'support', label: 'Support pipeline' }, t)).toBe('Proces obsługi');
    expect(pipelineLabel({ id: 'support', label: 'Wsparcie' }, t)).toBe('Wsparcie');
    expect(pipelineLabel({ id: 'sales', label: 'Support pipeline' }, t)).toBe('Support pipeline');
    expect(pipelineLabel(undefined, t, '—')).toBe('—');
  });
});
