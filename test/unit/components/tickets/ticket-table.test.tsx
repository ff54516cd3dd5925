// @vitest-environment jsdom
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { describe, expect, it } from 'vitest';
import { I18nProvider } from '@/components/common/i18n';
import { FIRST_ROWS, TicketTable } from '@/components/tickets/ticket-table';
import { DEFAULT_SETTINGS } from '@/domain';
import { DEFAULT_COLUMNS } from '@/entrypoints/tickets/view';
import { ticketRecord } from '@/test/support/builders';
import { english } from '@/test/support/translate';

describe('a row of the tickets table', () => {
  it('shows the stage with how long an open ticket has waited, the priority, the owner and the contact', () => {
    const now = 1_800_000_000_000;
    const settings = { ...DEFAULT_SETTINGS, team: [{ id: 'agent@sidedesk.test', name: 'Agent Smith', email: 'agent@sidedesk.test' }] };
    const root = document.createElement('div');
    act(() =>
      render(
        <I18nProvider value={english}>
          <TicketTable
            tickets={[
              {
                ...ticketRecord(1),
                stageId: 'new',
                priority: 'urgent',
                ownerId: 'agent@sidedesk.test',
                contactEmail: 'anna@klient.pl',
                updatedAt: now - 3 * 86_400_000,
              },
              { ...ticketRecord(2), stageId: 'closed', closedAt: now, ownerId: null, contactEmail: 'jan@sklep.pl', updatedAt: now },
            ]}
            settings={settings}
            linked={[]}
            contactNames={new Map([['anna@klient.pl', 'Anna Kowalska']])}
            now={now}
            columns={DEFAULT_COLUMNS}
          />
        </I18nProvider>,
        root,
      ),
    );
    const cells = [...root.querySelectorAll('tbody tr')].map((tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent));
    expect(cells[0]!.slice(2, 7)).toEqual(['New', '3d ago', 'Urgent', 'Agent Smith', 'Anna Kowalska']);
    // A closed ticket waits for nothing; no owner reads as unassigned; no known name shows the address.
    expect(cells[1]!.slice(2, 7)).toEqual(['Closed', '—', 'Medium', 'Unassigned', 'jan@sklep.pl']);
    expect(root.querySelector('.waited')?.getAttribute('title')).toMatch(/^Waiting since /);
  });

  it('shows the columns the agent chose, in their order, a free property included, and each row coloured by its stage', () => {
    const root = document.createElement('div');
    act(() =>
      render(
        <I18nProvider value={english}>
          <TicketTable
            tickets={[
              { ...ticketRecord(7), stageId: 'waiting-on-us', category: 'Billing', properties: { plan: 'Gold' } },
              { ...ticketRecord(8), stageId: 'closed', closedAt: 1, category: null, properties: {} },
            ]}
            settings={DEFAULT_SETTINGS}
            linked={[]}
            columns={['properties.plan', 'number', 'category']}
            selected={new Set([ticketRecord(8).id])}
          />
        </I18nProvider>,
        root,
      ),
    );
    expect([...root.querySelectorAll('thead th')].map((th) => th.textContent)).toEqual(['', 'plan', '#', 'Category']);
    const rows = [...root.querySelectorAll('tbody tr')];
    expect(rows.map((tr) => [...tr.querySelectorAll('td')].slice(1).map((td) => td.textContent))).toEqual([
      ['Gold', 'T-0007', 'Billing'],
      ['—', 'T-0008', '—'],
    ]);
    expect(rows.map((tr) => tr.getAttribute('data-tone'))).toEqual(['waiting', 'closed']);
    expect(rows.map((tr) => tr.getAttribute('aria-selected'))).toEqual(['false', 'true']);
  });
});

describe('drawing a long list', () => {
  const draw = (root: HTMLElement, tickets: ReturnType<typeof ticketRecord>[]) =>
    render(
      <I18nProvider value={english}>
        <TicketTable tickets={tickets} settings={DEFAULT_SETTINGS} linked={[]} columns={DEFAULT_COLUMNS} />
      </I18nProvider>,
      root,
    );
  const shown = (root: HTMLElement) => root.querySelectorAll('tbody tr').length;
  const nextTask = () => act(async () => void (await new Promise((r) => setTimeout(r, 0))));
  const list = (from: number, n: number) => Array.from({ length: n }, (_, i) => ticketRecord(from + i));

  it('draws a screenful of a new list first and the rest in the next task; a list that grew or changed in place whole', async () => {
    const root = document.createElement('div');
    act(() => draw(root, list(1, FIRST_ROWS + 20)));
    expect(shown(root)).toBe(FIRST_ROWS);
    await nextTask();
    expect(shown(root)).toBe(FIRST_ROWS + 20);
    // "Show more": the same first ticket, more rows: nothing drawn disappears, not even for a frame.
    act(() => draw(root, list(1, FIRST_ROWS + 40)));
    expect(shown(root)).toBe(FIRST_ROWS + 40);
    // Another search: a new first ticket.
    act(() => draw(root, list(500, FIRST_ROWS + 5)));
    expect(shown(root)).toBe(FIRST_ROWS);
    expect(root.querySelector('tbody tr')?.getAttribute('data-ticket-id')).toBe('t500');
    await nextTask();
    expect(shown(root)).toBe(FIRST_ROWS + 5);
  });
});
