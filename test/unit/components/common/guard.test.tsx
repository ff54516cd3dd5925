// @vitest-environment jsdom
import 'fake-indexeddb/auto'; // Dexie's live queries run only where an IndexedDB exists
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { describe, expect, it, vi } from 'vitest';
import { Guard } from '@/components/common/guard';
import { I18nProvider } from '@/components/common/i18n';
import { useLiveQuery } from '@/pages/live-query';
import { english } from '@/test/support/translate';

function Reads({ query }: { query: () => Promise<string> }) {
  const value = useLiveQuery(query, []);
  return <p>{value ?? 'loading'}</p>;
}

const mount = (query: () => Promise<string>) => {
  const root = document.createElement('div');
  // act: runs the effects (jsdom paints no frames for Preact to wait on).
  act(() =>
    render(
      <I18nProvider value={english}>
        <Guard>
          <Reads query={query} />
        </Guard>
      </I18nProvider>,
      root,
    ),
  );
  return root;
};

describe('a page whose query fails', () => {
  it('says what happened, that tickets are safe, and offers a reload, instead of waiting forever', async () => {
    const logged = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const root = mount(() => Promise.reject(new Error('The database connection is closing.')));
    await expect.poll(async () => (await act(async () => undefined), root.textContent)).toContain('Sidedesk could not show this');
    expect(root.textContent).toContain('The database connection is closing.');
    expect(root.textContent).toContain('Your stored tickets are untouched.');
    expect(root.querySelector('[role=alert] button')?.textContent).toBe('Reload');
    // ...and the failure is in the page's console for a bug report.
    expect(logged).toHaveBeenCalledWith(
      'Sidedesk page failed',
      expect.objectContaining({ message: 'The database connection is closing.' }),
    );
    logged.mockRestore();
  });

  it('a query that answers renders its page', async () => {
    const root = mount(async () => 'T-0001 Courier lost');
    await expect.poll(async () => (await act(async () => undefined), root.textContent)).toBe('T-0001 Courier lost');
  });
});
