// @vitest-environment jsdom
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { describe, expect, it } from 'vitest';
import { I18nProvider } from '@/components/common/i18n';
import { ConversationSection } from '@/components/panel/conversation-section';
import type { Conversation } from '@/domain';
import { ticketRecord as ticket } from '@/test/support/builders';
import { english } from '@/test/support/translate';

const conversation: Conversation = {
  id: 'gmail:agent@b.pl:1',
  provider: 'gmail',
  account: 'agent@b.pl',
  threadId: '1',
  subject: 'Refund',
  url: null,
  contactEmail: null,
  participants: [],
  messageCount: 1,
  lastMessageAt: null,
  ownerId: null,
  state: 'open',
  ticketId: null,
  firstSeenAt: 1,
  lastSeenAt: 1,
  rev: 1,
};
const candidates = [ticket(3, 'Invoice'), { ...ticket(1, 'Courier lost'), contactEmail: 'anna@klient.pl' }, ticket(2, 'Refund')];

function mount() {
  const root = document.createElement('div');
  document.body.append(root);
  const picked: string[] = [];
  act(() =>
    render(
      <I18nProvider value={english}>
        <ConversationSection
          conversation={conversation}
          groupSize={1}
          hasTicket={false}
          team={[]}
          me={null}
          candidates={candidates}
          onSearch={() => undefined}
          onOwner={() => undefined}
          onClose={() => undefined}
          onReopen={() => undefined}
          onTrash={() => undefined}
          onAddToTicket={(id) => picked.push(id)}
        />
      </I18nProvider>,
      root,
    ),
  );
  const open = () => act(() => [...root.querySelectorAll('button')].find((b) => b.textContent === 'Add to an existing ticket')!.click());
  const field = () => root.querySelector<HTMLInputElement>('[role=combobox]')!;
  const press = (key: string) =>
    act(() => void field().dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true, cancelable: true })));
  const activeText = () => document.getElementById(field().getAttribute('aria-activedescendant') ?? '')?.textContent;
  return { root, picked, open, field, press, activeText };
}

describe('the ticket picker, by keyboard', () => {
  it('opens ready to type in; arrow keys move through the results (the focus stays in the field); Enter picks', () => {
    const p = mount();
    p.open();
    expect(document.activeElement).toBe(p.field());
    expect(p.field().getAttribute('aria-controls')).toBe(p.root.querySelector('[role=listbox]')!.id);
    expect(p.activeText()).toBe('T-0003 Invoice');
    p.press('ArrowDown');
    expect(p.activeText()).toBe('T-0001 Courier lostanna@klient.pl');
    expect(p.root.querySelector('[aria-selected=true]')?.textContent).toBe('T-0001 Courier lostanna@klient.pl');
    p.press('ArrowDown');
    p.press('ArrowDown'); // past the last: back to the first
    p.press('ArrowUp');
    expect(p.activeText()).toBe('T-0002 Refund');
    expect(document.activeElement).toBe(p.field());
    p.press('Enter');
    expect(p.picked).toEqual(['t2']);
    // The picker is gone, and the focus is on the conversation's heading, not on the body.
    expect(p.root.querySelector('[role=combobox]')).toBeNull();
    expect(document.activeElement?.id).toBe('conversation-heading');
  });

  it('Escape closes it and gives the focus back to the button that opened it', () => {
    const p = mount();
    p.open();
    p.press('Escape');
    expect(p.root.querySelector('[role=combobox]')).toBeNull();
    expect(document.activeElement?.textContent).toBe('Add to an existing ticket');
    expect(p.picked).toEqual([]);
  });
});
