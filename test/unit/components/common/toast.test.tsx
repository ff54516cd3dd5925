// @vitest-environment jsdom
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { I18nProvider } from '@/components/common/i18n';
import { Toast, TOAST_MS, useToast, type Toaster } from '@/components/common/toast';
import { english } from '@/test/support/translate';

let toaster!: Toaster;
function Page({ showing }: { showing?: string[] }) {
  const [message, t] = useToast(showing);
  toaster = t;
  return <Toast message={message} onDismiss={t.dismiss} />;
}

function mount(showing?: string[]) {
  const root = document.createElement('div');
  document.body.append(root);
  const show = (s?: string[]) => act(() => render(<I18nProvider value={english}>{<Page showing={s} />}</I18nProvider>, root));
  show(showing);
  return { root, show, text: () => root.querySelector('.toast span')?.textContent ?? null };
}
const wait = (ms: number) => act(() => void vi.advanceTimersByTime(ms));

describe('a toast belongs to what it is about, and fades', () => {
  beforeEach(() => void vi.useFakeTimers());
  afterEach(() => void vi.useRealTimers());

  it('goes when the page shows another conversation, and does not come back with the first one', () => {
    const page = mount(['gmail:a@b.pl:1', 't7']);
    act(() => toaster.show({ text: 'Stage: Waiting on contact.', tone: 'info', undo: () => undefined, about: ['t7'] }));
    expect(page.text()).toBe('Stage: Waiting on contact.');
    page.show(['gmail:a@b.pl:2']);
    expect(page.text()).toBeNull();
    expect(page.root.querySelector('button')).toBeNull();
    page.show(['gmail:a@b.pl:1', 't7']);
    expect(page.text()).toBeNull();
  });

  it('stays while the page shows another conversation of the same ticket; a message about nothing in particular stays too', () => {
    const page = mount(['gmail:a@b.pl:1', 't7']);
    act(() => toaster.info('Ticket closed.', ['t7']));
    page.show(['gmail:a@b.pl:2', 't7']);
    expect(page.text()).toBe('Ticket closed.');
    act(() => toaster.info('Displayed properties saved.'));
    page.show(['gmail:a@b.pl:3']);
    expect(page.text()).toBe('Displayed properties saved.');
  });

  it('a failure about nothing on screen in particular (a restore, a follow: about no id) is always said', () => {
    const page = mount(['gmail:a@b.pl:2']);
    act(() => toaster.show({ text: 'Not saved: a record of the group exists again.', tone: 'error', about: [] }));
    expect(page.text()).toBe('Not saved: a record of the group exists again.');
  });

  it('a message about something no longer on screen (the answer came late) is never shown', () => {
    const page = mount(['gmail:a@b.pl:2']);
    act(() => toaster.info('Ticket T-0007 created.', ['gmail:a@b.pl:1', 't7']));
    expect(page.text()).toBeNull();
  });

  it('fades after a while: long enough to reach Undo, an error longer', () => {
    const page = mount();
    act(() => toaster.info('Ticket closed.'));
    wait(TOAST_MS.info - 100);
    expect(page.text()).toBe('Ticket closed.');
    wait(100);
    expect(page.text()).toBeNull();
    expect(TOAST_MS.info).toBeGreaterThanOrEqual(8000);
    act(() => toaster.error('Nothing was saved.'));
    wait(TOAST_MS.info);
    expect(page.text()).toBe('Nothing was saved.');
    wait(TOAST_MS.error - TOAST_MS.info);
    expect(page.text()).toBeNull();
  });

  it('waits while the pointer is on it, and while the focus is in it, then takes only the time it had left', () => {
    const page = mount();
    act(() => toaster.show({ text: 'Ticket closed.', tone: 'info', undo: () => undefined }));
    const region = page.root.querySelector('.toast-region')!;
    wait(5000);
    act(() => void region.dispatchEvent(new MouseEvent('mouseenter')));
    wait(60_000);
    expect(page.text()).toBe('Ticket closed.');
    act(() => void region.dispatchEvent(new MouseEvent('mouseleave')));
    wait(TOAST_MS.info - 5000 - 100);
    expect(page.text()).toBe('Ticket closed.');
    const undo = [...page.root.querySelectorAll('button')].find((b) => b.textContent === 'Undo')!;
    act(() => void undo.dispatchEvent(new FocusEvent('focusin', { bubbles: true })));
    wait(60_000);
    expect(page.text()).toBe('Ticket closed.');
    act(() => void undo.dispatchEvent(new FocusEvent('focusout', { bubbles: true })));
    wait(100);
    expect(page.text()).toBeNull();
  });

  it('Undo is announced with the message, in the polite live region', () => {
    const page = mount();
    act(() => toaster.show({ text: 'Ticket closed.', tone: 'info', undo: () => undefined }));
    const region = page.root.querySelector('[role=status][aria-live=polite]')!;
    expect(region.textContent).toContain('Ticket closed.');
    expect(region.textContent).toContain('You can undo this: the Undo button is in this notice.');
    act(() => toaster.info('Saved.'));
    expect(region.textContent).not.toContain('undo');
  });
});
