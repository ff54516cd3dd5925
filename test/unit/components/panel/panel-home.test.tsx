// @vitest-environment jsdom
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { describe, expect, it } from 'vitest';
import { I18nProvider } from '@/components/common/i18n';
import { PanelHome, type PanelHomeProps } from '@/components/panel/panel-home';
import { DEFAULT_SETTINGS, findStage } from '@/domain';
import { PROVIDERS } from '@/domain/zod-free/providers';
import { ticketRecord as ticket } from '@/test/support/builders';
import { english } from '@/test/support/translate';

const DAY = 86_400_000;
const NOW = 100 * DAY;

function mount(over: Partial<PanelHomeProps> = {}) {
  const root = document.createElement('div');
  document.body.append(root);
  const opened: string[] = [];
  act(() =>
    render(
      <I18nProvider value={english}>
        <PanelHome
          reason="no-webmail"
          accounts={['anna@desk.pl']}
          accountOfTab={false}
          mine={[{ ...ticket(7, 'Courier lost'), stageId: 'waiting-on-us', contactEmail: 'jan@sklep.pl', updatedAt: NOW - 3 * DAY }]}
          more={0}
          moreCapped={false}
          waitingOnUs={4}
          recent={[{ ...ticket(9, 'Refund'), stageId: 'closed' }]}
          stageOf={(t) => findStage(DEFAULT_SETTINGS, t.pipelineId, t.stageId)}
          now={NOW}
          onOpenTicket={(id) => opened.push(id)}
          {...over}
        />
      </I18nProvider>,
      root,
    ),
  );
  return { root, opened };
}

describe('the panel home', () => {
  it('shows my open tickets with stage, contact and age, the waiting-on-us count, and recent tickets; a click opens the record', () => {
    const { root, opened } = mount();
    const mine = root.querySelector('[aria-label="My open tickets"]')!;
    // The age in the locale's narrow words ("3d ago", ICU's choice).
    expect(mine.querySelector('li')!.textContent).toMatch(/^T-0007 Courier lostWaiting on usjan@sklep\.pl3 ?d(ays)? ago$/);
    expect(mine.querySelector('time')!.getAttribute('title')).toMatch(/^Waiting since /);
    expect(root.querySelector('[data-testid=waiting-on-us]')!.textContent).toBe('Waiting on us: 4');
    expect(root.textContent).toContain('anna@desk.pl');
    // A closed ticket has no age: nothing waits.
    const recent = root.querySelector('[aria-label="Recent tickets"] li')!;
    expect(recent.textContent).toBe('T-0009 RefundClosed');
    act(() => mine.querySelector('button')!.click());
    act(() => recent.querySelector('button')!.click());
    expect(opened).toEqual(['t7', 't9']);
  });

  it('names every webmail Sidedesk reads, from the one list of them', () => {
    const { root } = mount();
    for (const p of PROVIDERS) expect(root.textContent).toContain(p.name);
  });

  it('says how many more of mine there are, and when the count stopped at its cap', () => {
    expect(mount({ more: 490 }).root.textContent).toContain('and 490 more on the tickets page');
    expect(mount({ more: 990, moreCapped: true }).root.textContent).toContain('and more than 990 more');
  });

  it('says whose tickets these are: this browser’s accounts, or the one signed in to the followed tab', () => {
    expect(mount().root.textContent).toContain('Yours: owned by this browser’s accounts (anna@desk.pl)');
    expect(mount({ reason: 'nothing-open', accountOfTab: true }).root.textContent).toContain(
      'Yours: owned by anna@desk.pl, the account open in this tab',
    );
  });

  it('with no account read yet, says how the queue fills instead of an empty list', () => {
    const { root } = mount({ accounts: [], mine: [] });
    expect(root.textContent).toContain('Open a conversation in your webmail: the open tickets of your accounts show here.');
  });
});
