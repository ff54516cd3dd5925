// @vitest-environment jsdom
import 'fake-indexeddb/auto'; // Dexie's live queries run only where an IndexedDB exists
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { describe, expect, it } from 'vitest';
import { I18nProvider } from '@/components/common/i18n';
import type { CommandResult } from '@/domain';
import { App } from '@/entrypoints/trash/App';
import { ACCOUNT, ticketRecord } from '@/test/support/builders';
import { openTestDatabase } from '@/test/support/store';
import { english } from '@/test/support/translate';

const answer: CommandResult = { ticket: null, conversation: null, trashId: null, cascade: [], changed: true };

async function page(target: string | null) {
  const db = openTestDatabase();
  await db.trash.bulkPut(
    [1, 2].map((n) => ({
      id: `g${n}`,
      trashedAt: n,
      actor: ACCOUNT,
      origin: { kind: 'delete-ticket' as const, ticketId: `t${n}` },
      tickets: [ticketRecord(n)],
      conversations: [],
      timeline: [],
    })),
  );
  const sent: Array<Record<string, unknown>> = [];
  const root = document.createElement('div');
  document.body.append(root);
  act(() =>
    render(
      <I18nProvider value={english}>
        <App
          db={db}
          call={(async (_name: string, data: Record<string, unknown>) => (sent.push(data), answer)) as never}
          target={() => target}
          onTargetChange={() => () => undefined}
        />
      </I18nProvider>,
      root,
    ),
  );
  const settle = async () => void (await act(async () => undefined));
  await expect.poll(async () => (await settle(), root.querySelectorAll('li.trash-group').length)).toBe(2);
  const button = (label: string, within: Element = root) => [...within.querySelectorAll('button')].find((b) => b.textContent === label);
  return { root, sent, button, settle };
}

describe('the trash page', () => {
  it('marks and focuses the group its address names', async () => {
    const scrolled: Element[] = [];
    // jsdom lays nothing out, so it has no scrollIntoView: record the call instead.
    Element.prototype.scrollIntoView = function (this: Element) {
      scrolled.push(this);
    };
    const { root } = await page('g1');
    const target = root.querySelector('#g1')!;
    expect(target.classList.contains('is-target')).toBe(true);
    expect(root.querySelector('#g2')!.classList.contains('is-target')).toBe(false);
    // The focus moves in an effect after the group is drawn: waited for, as an agent would see it.
    await expect.poll(async () => (await act(async () => undefined), document.activeElement)).toBe(target);
    expect(scrolled).toEqual([target]);
    expect(target.textContent).toContain('T-0001 · Ticket 1');
    expect(target.textContent).toContain('Ticket deleted');
  });

  it('deletes forever only after one confirmation, and Cancel sends nothing', async () => {
    const { root, sent, button } = await page(null);
    const card = root.querySelector('#g2')!;
    act(() => button('Delete forever', card)!.click());
    expect(sent).toEqual([]);
    expect(card.querySelector('[role="alertdialog"]')).not.toBeNull();
    act(() => button('Cancel', card)!.click());
    expect(card.querySelector('[role="alertdialog"]')).toBeNull();
    act(() => button('Delete forever', card)!.click());
    await act(async () => button('Delete forever', card.querySelector('[role="alertdialog"]')!)!.click());
    expect(sent).toEqual([expect.objectContaining({ type: 'purgeTrash', trashId: 'g2' })]);
  });

  it('restores a group through restoreTrash', async () => {
    const { root, sent, button } = await page(null);
    await act(async () => button('Restore', root.querySelector('#g1')!)!.click());
    expect(sent).toEqual([expect.objectContaining({ type: 'restoreTrash', trashId: 'g1' })]);
  });
});
