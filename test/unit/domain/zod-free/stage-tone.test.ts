import { describe, expect, it } from 'vitest';
import { DEFAULT_PIPELINE, isWaitingOnUs, stagesWaitingOnUs, stageTone, DEFAULT_SETTINGS, type PlainPipeline } from '@/domain';

const custom: PlainPipeline = {
  id: 'billing',
  label: 'Billing',
  stages: [
    { id: 'triage', label: 'Triage', state: 'open' },
    { id: 'waiting-on-finance', label: 'Waiting on finance', state: 'open' },
    { id: 'ours', label: 'Waiting on us again', state: 'open' },
    { id: 'paid', label: 'Paid', state: 'closed' },
  ],
};

describe('what waiting means, in one place', () => {
  it.each([
    ['new', 'open'],
    ['waiting-on-contact', 'waiting'],
    ['waiting-on-us', 'waiting'],
    ['closed', 'closed'],
  ])('the default stage %s has the %s tone', (id, tone) => {
    expect(stageTone(DEFAULT_PIPELINE.stages.find((s) => s.id === id))).toBe(tone);
  });

  it('an unknown stage is shown plainly open, a closed one never waits', () => {
    expect(stageTone(undefined)).toBe('open');
    expect(stageTone({ id: 'waiting-forever', label: 'x', state: 'closed' })).toBe('closed');
  });

  it('waiting on us: the first open stage, and stages called so, never a closed one', () => {
    expect(custom.stages.filter((s) => isWaitingOnUs(custom, s)).map((s) => s.id)).toEqual(['triage', 'ours']);
    expect(DEFAULT_PIPELINE.stages.filter((s) => isWaitingOnUs(DEFAULT_PIPELINE, s)).map((s) => s.id)).toEqual(['new', 'waiting-on-us']);
  });

  it('the badge counts exactly those stages, pipeline by pipeline', () => {
    expect(stagesWaitingOnUs({ ...DEFAULT_SETTINGS, pipelines: [DEFAULT_PIPELINE, custom] })).toEqual([
      ['support', 'new'],
      ['support', 'waiting-on-us'],
      ['billing', 'triage'],
      ['billing', 'ours'],
    ]);
  });
});
