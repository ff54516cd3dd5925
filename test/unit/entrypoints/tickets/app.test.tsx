// @vitest-environment jsdom
import 'fake-indexeddb/auto'; // Dexie's live queries run only where an IndexedDB exists
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { describe, expect, it } from 'vitest';
import { I18nProvider } from '@/components/common/i18n';
import { App } from '@/entrypoints/tickets/App';
import { ticketRecord as ticket } from '@/test/support/builders';
import { createTestDesk, openTestDatabase } from '@/test/support/store';
import { convId, observe, rid } from '@/test/support/builders';
import { english } from '@/test/support/translate';

describe('the tickets page', () => {
  it('shows a hundred tickets at a time, newest activity first, and more on request', async () => {
    const db = openTestDatabase();
    await db.tickets.bulkPut(Array.from({ length: 150 }, (_, i) => ticket(i + 1)));
    const root = document.createElement('div');
    act(() =>
      render(
        <I18nProvider value={english}>
          <App
            db={db}
            call={async () => {
              throw new Error('not asked');
            }}
          />
        </I18nProvider>,
        root,
      ),
    );
    const rows = async () => (await act(async () => undefined), root.querySelectorAll('tbody tr').length);
    await expect.poll(rows).toBe(100);
    expect(root.querySelector('tbody tr td:nth-child(2)')?.textContent).toBe('T-0150');
    const more = [...root.querySelectorAll('button')].find((b) => b.textContent === 'Show 100 more')!;
    act(() => more.click());
    await expect.poll(rows).toBe(150);
    expect([...root.querySelectorAll('button')].some((b) => b.textContent === 'Show 100 more')).toBe(false);
  });

  it('turns the customer-wrote-again rule off and on, through the settings', async () => {
    const db = openTestDatabase();
    const sent: unknown[] = [];
    const root = document.createElement('div');
    act(() =>
      render(
        <I18nProvider value={english}>
          <App db={db} call={(async (name: string, data: unknown) => (sent.push([name, data]), data)) as never} />
        </I18nProvider>,
        root,
      ),
    );
    const box = async () => (await act(async () => undefined), root.querySelector<HTMLInputElement>('input[name="reopen-on-reply"]'));
    await expect.poll(async () => (await box())?.checked).toBe(true);
    expect(root.textContent).toContain('Reopen a closed conversation when the customer writes again');
    const input = (await box())!;
    input.checked = false;
    await act(async () => void input.dispatchEvent(new Event('change', { bubbles: true })));
    // A change of its own, on the revision shown: never the whole settings written back.
    expect(sent).toEqual([
      ['command', expect.objectContaining({ type: 'changeSettings', rev: 0, change: { kind: 'setBehaviour', reopenOnReply: false } })],
    ]);
  });

  it('searches as the agent types, from the index, and keeps the search in the address', async () => {
    const t = await createTestDesk();
    for (const [thread, name, email] of [
      ['a', 'Anna Kowalska', 'anna@klient.pl'],
      ['b', 'Jan Nowak', 'jan@sklep.pl'],
    ] as const) {
      await t.desk.execute(observe(thread, { contact: { email, name }, participants: [] }));
      await t.desk.execute({
        type: 'createTicket',
        requestId: rid(),
        actor: 'agent',
        conversationId: convId(thread),
        draft: { name: `Order of ${name}` },
      });
    }
    history.replaceState(null, '', '/tickets.html?q=nowak');
    const root = document.createElement('div');
    act(() =>
      render(
        <I18nProvider value={english}>
          <App db={t.db} call={(async () => undefined) as never} />
        </I18nProvider>,
        root,
      ),
    );
    const rows = async () => (
      await act(async () => undefined),
      [...root.querySelectorAll('tbody tr td:nth-child(3)')].map((td) => td.textContent)
    );
    // The search in the address is the one shown after a reload.
    await expect.poll(rows).toEqual(['Order of Jan Nowak']);
    const box = root.querySelector<HTMLInputElement>('input[type=search]')!;
    expect(box.value).toBe('nowak');
    box.value = 'kowal';
    await act(async () => void box.dispatchEvent(new Event('input', { bubbles: true })));
    await expect.poll(rows).toEqual(['Order of Anna Kowalska']);
    // Written once the typing pauses.
    await expect.poll(() => location.search).toBe('?q=kowal');
    box.value = 'zzz';
    await act(async () => void box.dispatchEvent(new Event('input', { bubbles: true })));
    await expect.poll(async () => (await act(async () => undefined), root.textContent)).toContain('No tickets match “zzz”.');
  });
});
