// @vitest-environment jsdom
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { describe, expect, it } from 'vitest';
import { I18nProvider } from '@/components/common/i18n';
import { OwnerSelect, PrioritySelect, StageSelect } from '@/components/common/selects';
import { DEFAULT_SETTINGS } from '@/domain';
import { english } from '@/test/support/translate';

const stages = DEFAULT_SETTINGS.pipelines[0]!.stages;

function mount(node: preact.ComponentChildren) {
  const root = document.createElement('div');
  document.body.append(root);
  act(() => render(<I18nProvider value={english}>{node}</I18nProvider>, root));
  return { root, select: root.querySelector('select')! };
}

/** What Chromium and Firefox do for an arrow key on a closed select: the keydown's default action
 * moves the selection and fires `change`, in the same task. */
function arrow(select: HTMLSelectElement, key: 'ArrowDown' | 'ArrowUp') {
  act(() => {
    const event = new KeyboardEvent('keydown', { key, bubbles: true, cancelable: true });
    select.dispatchEvent(event);
    if (event.defaultPrevented) return;
    select.selectedIndex = Math.max(0, Math.min(select.options.length - 1, select.selectedIndex + (key === 'ArrowDown' ? 1 : -1)));
    select.dispatchEvent(new Event('change', { bubbles: true }));
  });
}
const key = (select: HTMLSelectElement, k: string) =>
  act(() => void select.dispatchEvent(new KeyboardEvent('keydown', { key: k, bubbles: true, cancelable: true })));

describe('a select commits a choice, never the options passed through', () => {
  it('arrow keys only hold an option (shown, with a hint); Enter commits it once', () => {
    const chosen: string[] = [];
    const { root, select } = mount(<StageSelect stages={stages} value="new" onChange={(s) => chosen.push(s)} />);
    arrow(select, 'ArrowDown');
    arrow(select, 'ArrowDown');
    arrow(select, 'ArrowUp');
    expect(chosen).toEqual([]);
    expect(select.value).toBe(stages[1]!.id);
    expect(root.querySelector('[role=status]')?.textContent).toBe('Enter to apply · Esc to cancel');
    expect(select.getAttribute('aria-describedby')).toBe(root.querySelector('[role=status]')!.id);
    key(select, 'Enter');
    expect(chosen).toEqual([stages[1]!.id]);
    expect(root.querySelector('[role=status]')?.textContent).toBe('');
  });

  it('Space commits a held option too; Escape and leaving the select drop it', () => {
    const chosen: string[] = [];
    const { select } = mount(<StageSelect stages={stages} value="new" onChange={(s) => chosen.push(s)} />);
    arrow(select, 'ArrowDown');
    key(select, 'Escape');
    expect(select.value).toBe('new');
    arrow(select, 'ArrowDown');
    act(() => void select.dispatchEvent(new FocusEvent('blur')));
    expect(select.value).toBe('new');
    arrow(select, 'ArrowDown');
    key(select, ' ');
    expect(chosen).toEqual([stages[1]!.id]);
  });

  it('an option held when the value changes elsewhere is dropped, not applied over the new value', () => {
    const chosen: string[] = [];
    const root = document.createElement('div');
    const show = (value: string) =>
      act(() =>
        render(
          <I18nProvider value={english}>{<StageSelect stages={stages} value={value} onChange={(s) => chosen.push(s)} />}</I18nProvider>,
          root,
        ),
      );
    show('new');
    const select = root.querySelector('select')!;
    arrow(select, 'ArrowDown');
    show('closed');
    expect(select.value).toBe('closed');
    key(select, 'Enter');
    expect(chosen).toEqual([]);
  });

  it('a pick from the open list (a change no key on the select caused) commits at once', () => {
    const chosen: string[] = [];
    const { select } = mount(<StageSelect stages={stages} value="new" onChange={(s) => chosen.push(s)} />);
    act(() => {
      select.value = 'closed';
      select.dispatchEvent(new Event('change', { bubbles: true }));
    });
    expect(chosen).toEqual(['closed']);
  });

  it('priority and owner (whose change moves other owners) hold arrow keys the same way', () => {
    const priorities: string[] = [];
    const owners: Array<string | null> = [];
    const p = mount(<PrioritySelect value="medium" onChange={(v) => priorities.push(v)} />);
    const team = [
      { id: 'a@b.pl', name: 'A', email: 'a@b.pl' },
      { id: 'c@b.pl', name: 'C', email: 'c@b.pl' },
    ];
    const o = mount(<OwnerSelect team={team} value={null} me={null} label="Owner" onChange={(v) => owners.push(v)} />);
    arrow(p.select, 'ArrowDown');
    arrow(o.select, 'ArrowDown');
    arrow(o.select, 'ArrowDown');
    expect([priorities, owners]).toEqual([[], []]);
    key(p.select, 'Enter');
    key(o.select, 'Enter');
    expect([priorities, owners]).toEqual([['high'], ['c@b.pl']]);
  });

  it('in a form (commit="each") every move is the draft, as before', () => {
    const chosen: string[] = [];
    const { select } = mount(<StageSelect stages={stages} value="new" commit="each" onChange={(s) => chosen.push(s)} />);
    arrow(select, 'ArrowDown');
    expect(chosen).toEqual([stages[1]!.id]);
  });
});
