// @vitest-environment jsdom
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { describe, expect, it } from 'vitest';
import { I18nProvider } from '@/components/common/i18n';
import { RecordProperties } from '@/components/record/record-properties';
import { DEFAULT_SETTINGS } from '@/domain';
import { ticketRecord } from '@/test/support/builders';
import { english } from '@/test/support/translate';

describe('the record page’s custom properties', () => {
  it('are shown on every ticket and edited as their type says; other free properties keep their text field', () => {
    const saved: unknown[] = [];
    const root = document.createElement('div');
    act(() =>
      render(
        <I18nProvider value={english}>
          <RecordProperties
            ticket={{ ...ticketRecord(1), properties: { Plan: 'Gold', legacy: 'kept' } }}
            stages={DEFAULT_SETTINGS.pipelines[0]!.stages}
            team={[]}
            customProperties={[
              { name: 'Plan', type: 'choice', choices: ['Silver', 'Gold'] },
              { name: 'Seats', type: 'number' },
              { name: 'Renewal', type: 'date' },
            ]}
            onChange={async (changes) => (saved.push(changes), true)}
            onConflict={() => undefined}
            onStage={() => undefined}
            onOwner={() => undefined}
          />
        </I18nProvider>,
        root,
      ),
    );
    const plan = root.querySelector<HTMLSelectElement>('select[aria-label="Plan"]')!;
    expect(plan.value).toBe('Gold');
    expect([...plan.options].map((o) => o.value)).toEqual(['', 'Silver', 'Gold']);
    const seats = root.querySelector<HTMLInputElement>('input[aria-label="Seats"]')!;
    expect(seats.type).toBe('number');
    expect(root.querySelector<HTMLInputElement>('input[aria-label="Renewal"]')!.type).toBe('date');
    act(() => {
      plan.value = 'Silver';
      plan.dispatchEvent(new Event('change', { bubbles: true }));
      seats.value = '12';
      seats.dispatchEvent(new Event('change', { bubbles: true }));
    });
    expect(saved).toEqual([{ properties: { Plan: 'Silver' } }, { properties: { Seats: 12 } }]);
    // Shown once: the typed field, not a second text field for the same name.
    expect([...root.querySelectorAll('dt')].filter((dt) => dt.textContent === 'Plan')).toHaveLength(1);
    expect([...root.querySelectorAll('dt')].some((dt) => dt.textContent === 'legacy')).toBe(true);
  });
});
