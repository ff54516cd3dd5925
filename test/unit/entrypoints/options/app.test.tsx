// @vitest-environment jsdom
import 'fake-indexeddb/auto'; // Dexie's live queries run only where an IndexedDB exists
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, describe, expect, it } from 'vitest';
import { createHandlers } from '@/background/handlers';
import { createRouter } from '@/background/router';
import { I18nProvider } from '@/components/common/i18n';
import { DEFAULT_SETTINGS, type Settings } from '@/domain';
import { App } from '@/entrypoints/options/App';
import { createClient, type Client } from '@/messaging/client';
import { createDesk } from '@/store/desk';
import { readSettings } from '@/store/settings';
import { ACCOUNT, COLLEAGUE, convId, observe, rid } from '@/test/support/builders';
import { openTestDatabase } from '@/test/support/store';
import { english } from '@/test/support/translate';

const PAGE = { id: 'sidedesk-id', url: 'chrome-extension://sidedesk-id/options.html' };

/** The options page over a real desk (the background's router and handlers), the agent and a
 * colleague on the team. `before` runs ahead of each command the page sends: another tab's change. */
async function page(before?: (body: Record<string, unknown>) => Promise<void>) {
  const db = openTestDatabase();
  const settings: Settings = {
    ...structuredClone(DEFAULT_SETTINGS),
    team: [
      { id: ACCOUNT, name: 'Agent', email: ACCOUNT },
      { id: COLLEAGUE, name: 'Colleague', email: COLLEAGUE },
    ],
  };
  await db.settings.put({ key: 'settings', value: settings });
  // The real clock: the page tells a change made meanwhile by when it was recorded.
  const desk = createDesk(db);
  const router = createRouter(createHandlers({ desk, db, openTicketPage: async () => undefined }), {
    id: PAGE.id,
    origin: 'chrome-extension://sidedesk-id/',
  });
  const sent: Array<Record<string, unknown>> = [];
  const send = createClient((message) => router.handle(message, PAGE));
  const call = (async (name: string, data: Record<string, unknown>) => {
    sent.push(data);
    await before?.(data);
    return send(name as 'command', data as never);
  }) as Client;
  const root = document.createElement('div');
  document.body.append(root);
  act(() =>
    render(
      <I18nProvider value={english}>
        <App db={db} call={call} />
      </I18nProvider>,
      root,
    ),
  );
  const settle = async () => void (await act(async () => new Promise((r) => setTimeout(r, 5))));
  const until = async (check: () => boolean | Promise<boolean>) => expect.poll(async () => (await settle(), await check())).toBe(true);
  await until(() => !!root.querySelector('#team table'));
  const buttons = (within: ParentNode = root) => [...within.querySelectorAll('button')];
  const button = (text: string, within: ParentNode = root) => {
    const found = buttons(within).find((b) => b.textContent?.trim() === text || b.textContent?.startsWith(`${text} (`));
    if (!found) throw new Error(`no button ${text}: ${buttons(within).map((b) => b.textContent)}`);
    return found;
  };
  const field = (label: string, within: ParentNode = root) => {
    const found = [...within.querySelectorAll('label')]
      .find((l) => l.querySelector('span')?.textContent === label)
      ?.querySelector('input, select');
    if (!found) throw new Error(`no field ${label}`);
    return found as HTMLInputElement | HTMLSelectElement;
  };
  const type = (input: HTMLInputElement | HTMLSelectElement, value: string) =>
    act(() => {
      input.value = value;
      input.dispatchEvent(new Event(input instanceof HTMLSelectElement ? 'change' : 'input', { bubbles: true }));
    });
  const toast = () => root.querySelector('.toast span')?.textContent ?? '';
  /** Renames through the text edited in place, as the agent does: click, type, Enter. */
  const rename = async (within: ParentNode, value: string) => {
    act(() => within.querySelector<HTMLButtonElement>('button.inline-text')!.click());
    const input = within.querySelector<HTMLInputElement>('input.inline-text__input')!;
    type(input, value);
    await act(async () => void input.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true })));
  };
  async function ticket(thread: string, name: string, over: { stageId?: string; ownerId?: string | null } = {}) {
    await desk.execute(observe(thread));
    const created = await desk.execute({
      type: 'createTicket',
      requestId: rid(),
      actor: ACCOUNT,
      conversationId: convId(thread),
      draft: { name, ...over },
    });
    if (!created.ok) throw new Error(created.error.message);
    return created.data.ticket!;
  }
  return { db, desk, root, sent, button, field, type, toast, rename, until, settle, ticket };
}

afterEach(() => {
  document.body.innerHTML = '';
});

describe('the options page', () => {
  it('adds a member only with a name and a valid address, and says so', async () => {
    const p = await page();
    const form = p.root.querySelector('form[aria-labelledby="add-member-title"]')!;
    await act(async () => p.button('Add', form).click());
    expect(form.querySelector('[role="alert"]')!.textContent).toBe('A name is needed.');
    expect(p.sent).toEqual([]);
    p.type(p.field('Name', form), 'Jan Nowak');
    p.type(p.field('Email address', form), 'not an address');
    await act(async () => p.button('Add', form).click());
    expect(form.querySelector('[role="alert"]')!.textContent).toBe('This is not an email address.');
    expect(p.field('Email address', form).getAttribute('aria-invalid')).toBe('true');
    p.type(p.field('Email address', form), COLLEAGUE.toUpperCase());
    await act(async () => p.button('Add', form).click());
    expect(form.querySelector('[role="alert"]')!.textContent).toBe('Someone on the team has this address already.');
    expect(p.sent).toEqual([]);

    p.type(p.field('Email address', form), ' Jan.Nowak@Sklep.pl ');
    await act(async () => p.button('Add', form).click());
    await p.until(() => !!p.root.querySelector('tr[data-member="jan.nowak@sklep.pl"]'));
    expect(p.sent).toEqual([
      expect.objectContaining({
        type: 'changeSettings',
        rev: 0,
        change: { kind: 'addMember', name: 'Jan Nowak', email: 'jan.nowak@sklep.pl' },
      }),
    ]);
    await p.until(() => p.toast() === 'Jan Nowak joined the team.');
    expect((p.field('Name', form) as HTMLInputElement).value).toBe('');
    expect((await readSettings(p.db)).team.map((m) => m.name)).toEqual(['Agent', 'Colleague', 'Jan Nowak']);
    // The history says who did it and what.
    await p.until(
      () => p.root.querySelector('#history li')?.textContent?.startsWith('Member added: Jan Nowak <jan.nowak@sklep.pl>') === true,
    );
  });

  it('marks who is "me" in this browser, and takes it back', async () => {
    const p = await page();
    const row = () => p.root.querySelector(`tr[data-member="${COLLEAGUE}"]`)!;
    await act(async () => p.button('This is me', row()).click());
    await p.until(() => row().textContent!.includes('Me in this browser'));
    expect((await p.db.local.get('me'))?.value).toBe(COLLEAGUE);
    await p.until(() => p.toast() === 'Colleague is you in this browser.');
    await act(async () => p.button('Not me', row()).click());
    await p.until(() => !row().textContent!.includes('Me in this browser'));
    expect((await p.db.local.get('me'))?.value).toBeNull();
  });

  it('renames and adds stages, one change after another without refusing itself', async () => {
    const p = await page();
    const stage = (id: string) => p.root.querySelector(`tr[data-stage="${id}"]`)!;
    await p.rename(stage('new'), 'Fresh');
    await p.until(() => stage('new').textContent!.includes('Fresh'));
    const form = p.root.querySelector('form[aria-label="Add a stage to Support pipeline"]')!;
    p.type(p.field('New stage', form), 'Escalated');
    await act(async () => p.button('Add stage', form).click());
    // Pressed at once, before the page showed the new stage: it waits its turn, on the new revision.
    await act(async () => p.button('↓', stage('new')).click());
    await p.until(() => !!p.root.querySelector('tr[data-stage="escalated"]'));
    await p.until(async () => (await readSettings(p.db)).rev === 3);
    const stages = (await readSettings(p.db)).pipelines[0]!.stages.map((s) => s.label);
    expect(stages).toEqual(['Waiting on contact', 'Fresh', 'Waiting on us', 'Escalated', 'Closed']);
    expect(p.sent.map((c) => (c.change as { kind: string }).kind)).toEqual(['renameStage', 'addStage', 'moveStage']);
    expect(p.sent.map((c) => c.rev)).toEqual([0, 1, 2]);
    const order = () => [...p.root.querySelectorAll('tr[data-stage]')].map((r) => r.getAttribute('data-stage')).join(' ');
    await p.until(() => order() === 'waiting-on-contact new waiting-on-us escalated closed');
  });

  it("a stage with tickets cannot switch between open and closed: the desk's reason is shown", async () => {
    const p = await page();
    await p.ticket('a', 'Order #4411 did not arrive');
    const stage = () => p.root.querySelector('tr[data-stage="new"]')!;
    await p.until(() => stage().querySelector('td.num')!.textContent === '1');
    const box = stage().querySelector<HTMLInputElement>('input[type="checkbox"]')!;
    await act(async () => box.click());
    await p.until(() => p.toast().startsWith('Not saved: 1 ticket(s) are in stage New'));
    // The switch shows what is stored, not what was asked for.
    expect(stage().querySelector<HTMLInputElement>('input[type="checkbox"]')!.checked).toBe(false);
    expect((await readSettings(p.db)).pipelines[0]!.stages[0]!.state).toBe('open');
  });

  it('deactivates a member after giving their open tickets to another, with one command per ticket', async () => {
    const p = await page();
    const one = await p.ticket('a', 'Order #4411 did not arrive', { ownerId: COLLEAGUE });
    const two = await p.ticket('b', 'Refund for #3920', { ownerId: COLLEAGUE, stageId: 'waiting-on-us' });
    const closed = await p.ticket('c', 'Old question', { ownerId: COLLEAGUE, stageId: 'closed' });
    const row = () => p.root.querySelector(`tr[data-member="${COLLEAGUE}"]`)!;
    await act(async () => p.button('Deactivate', row()).click());
    const panel = () => p.root.querySelector('.hand-over')!;
    await p.until(() =>
      panel().textContent!.includes('Colleague has open tickets (2): T-0001 Order #4411 did not arrive, T-0002 Refund for #3920.'),
    );
    expect(document.activeElement?.tagName).toBe('SELECT');
    p.type(p.field('New owner', panel()), ACCOUNT);
    await act(async () => p.button('Give them and deactivate', panel()).click());
    await p.until(() => row().getAttribute('data-active') === 'false');
    await p.until(() => p.toast() === 'Colleague deactivated; their open tickets (2) went to Agent.');
    await p.until(() => p.root.querySelector('.hand-over') === null);
    const owners = Object.fromEntries((await p.db.tickets.toArray()).map((t) => [t.id, t.ownerId]));
    expect(owners).toEqual({ [one.id]: ACCOUNT, [two.id]: ACCOUNT, [closed.id]: COLLEAGUE });
    expect((await readSettings(p.db)).team.find((m) => m.id === COLLEAGUE)?.active).toBe(false);
    // Each ticket's own timeline says its owner changed.
    expect((await p.db.timeline.where('ticketId').equals(one.id).toArray()).some((e) => e.field === 'ownerId' && e.to === ACCOUNT)).toBe(
      true,
    );
    expect(row().textContent).toContain('Inactive');

    await act(async () => p.button('Reactivate', row()).click());
    await p.until(() => row().getAttribute('data-active') === 'true');
    await p.until(() => p.toast() === 'Colleague is active again.');
  });

  it('deletes a stage after moving its tickets to another stage of the pipeline; Escape cancels', async () => {
    const p = await page();
    await p.ticket('a', 'Order #4411 did not arrive', { stageId: 'waiting-on-contact' });
    await p.ticket('b', 'Refund for #3920', { stageId: 'waiting-on-contact' });
    const stage = (id: string) => p.root.querySelector(`tr[data-stage="${id}"]`);
    await p.until(() => stage('waiting-on-contact')!.querySelector('td.num')!.textContent === '2');
    await act(async () => p.button('Delete', stage('waiting-on-contact')!).click());
    const panel = () => p.root.querySelector('.hand-over');
    await p.until(() => panel()?.textContent?.includes('Stage Waiting on contact has tickets (2): T-0001') === true);
    act(() => void panel()!.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true })));
    expect(panel()).toBeNull();

    await act(async () => p.button('Delete', stage('waiting-on-contact')!).click());
    await p.until(() => !!panel()?.querySelector('select'));
    // Another open stage is offered first: the tickets stay open, their conversations too.
    expect((panel()!.querySelector('select') as HTMLSelectElement).value).toBe('new');
    p.type(panel()!.querySelector('select')!, 'closed');
    expect(panel()!.textContent).toContain('closes its open conversations');
    await act(async () => p.button('Move them and delete', panel()!).click());
    await p.until(() => stage('waiting-on-contact') === null);
    await p.until(() => p.toast() === 'Stage Waiting on contact deleted; its tickets (2) moved to Closed.');
    expect((await p.db.tickets.toArray()).map((t) => t.stageId)).toEqual(['closed', 'closed']);
    // Their cascades applied: moved into a closed stage, their conversations closed.
    expect(await p.db.conversations.where('state').equals('open').count()).toBe(0);
    expect((await readSettings(p.db)).pipelines[0]!.stages.map((s) => s.id)).toEqual(['new', 'waiting-on-us', 'closed']);
  });

  it('keeps the last open stage and says why', async () => {
    const p = await page();
    const form = p.root.querySelector('form[aria-labelledby="add-pipeline-title"]')!;
    p.type(p.field('Pipeline name', form), 'Sales');
    await act(async () => p.button('Add', form).click());
    await p.until(() => !!p.root.querySelector('section[data-pipeline="sales"]'));
    const sales = p.root.querySelector('section[data-pipeline="sales"]')!;
    await act(async () => p.button('Delete', sales.querySelector('tr[data-stage="new"]')!).click());
    expect(p.toast()).toBe('New is the pipeline’s last open stage, and a pipeline needs one. Add or open another stage first.');
    expect(p.root.querySelector('.hand-over')).toBeNull();
    // The new pipeline becomes the default for new tickets.
    await act(async () => p.button('Make default', sales).click());
    await p.until(async () => (await readSettings(p.db)).defaultPipelineId === 'sales');
    await p.until(() => sales.textContent!.includes('Default for new tickets'));
  });

  it('adds a custom property of a choice list, and removes it (tickets keep their values)', async () => {
    const p = await page();
    const form = p.root.querySelector('form[aria-labelledby="add-property-title"]')!;
    p.type(p.field('Property', form), 'Plan');
    p.type(p.field('Type', form), 'choice');
    await act(async () => p.button('Add', form).click());
    expect(form.querySelector('[role="alert"]')!.textContent).toBe('A choice list needs at least one choice.');
    p.type(p.field('Choices, separated by commas', form), 'Free, Pro, Pro ,Team');
    await act(async () => p.button('Add', form).click());
    await p.until(() => !!p.root.querySelector('tr[data-property="Plan"]'));
    expect((await readSettings(p.db)).customProperties).toEqual([{ name: 'Plan', type: 'choice', choices: ['Free', 'Pro', 'Team'] }]);
    // Offered for the details panel at once.
    const box = p.root.querySelector<HTMLInputElement>('li[data-property="properties.Plan"] input')!;
    await act(async () => box.click());
    await p.until(async () => (await readSettings(p.db)).displayedProperties.at(-1) === 'properties.Plan');
    await act(async () => p.button('Remove', p.root.querySelector('tr[data-property="Plan"]')!).click());
    await p.until(() => p.toast() === 'Property Plan removed; tickets keep their values.');
    expect((await readSettings(p.db)).customProperties).toEqual([]);
  });

  it('behaviour: the trash keeps a group for N days or forever, and the badge counts what the agent chose', async () => {
    const p = await page();
    const days = p.root.querySelector<HTMLInputElement>('input.days')!;
    expect(days.value).toBe('90');
    p.type(days, '0');
    await act(async () => void days.dispatchEvent(new Event('change', { bubbles: true })));
    expect(p.root.querySelector('#trash-days-error')!.textContent).toBe('Enter a whole number of days from 1 to 36500.');
    expect(p.sent).toEqual([]);
    p.type(days, '30');
    await act(async () => void days.dispatchEvent(new Event('change', { bubbles: true })));
    await p.until(async () => (await readSettings(p.db)).trashRetentionDays === 30);
    const forever = [...p.root.querySelectorAll<HTMLInputElement>('input[name="trash-keep"]')][1]!;
    await act(async () => forever.click());
    await p.until(async () => (await readSettings(p.db)).trashRetentionDays === null);
    const mine = [...p.root.querySelectorAll<HTMLInputElement>('input[name="badge"]')][1]!;
    await act(async () => mine.click());
    await p.until(async () => (await readSettings(p.db)).badge === 'my-open');
    expect(p.sent.map((c) => c.change)).toEqual([
      { kind: 'setBehaviour', trashRetentionDays: 30 },
      { kind: 'setBehaviour', trashRetentionDays: null },
      { kind: 'setBehaviour', badge: 'my-open' },
    ]);
  });

  it('a change refused because the settings changed meanwhile says who changed what', async () => {
    let once = false;
    let desk: ReturnType<typeof createDesk> | undefined;
    const p = await page(async (body) => {
      if (once || body.type !== 'changeSettings' || !desk) return;
      once = true;
      // Another tab renames the colleague just before this page's change arrives.
      const done = await desk.execute({
        type: 'changeSettings',
        requestId: rid(),
        actor: COLLEAGUE,
        rev: 0,
        change: { kind: 'renameMember', memberId: ACCOUNT, name: 'Anna' },
      });
      if (!done.ok) throw new Error(done.error.message);
    });
    desk = p.desk;
    await p.rename(p.root.querySelector('tr[data-stage="new"]')!, 'Fresh');
    await p.until(() => p.toast().startsWith('Not saved: Colleague changed the settings meanwhile'));
    expect(p.toast()).toBe(
      'Not saved: Colleague changed the settings meanwhile (Member renamed: Agent → Anna). The latest version is shown; try again.',
    );
    expect((await readSettings(p.db)).pipelines[0]!.stages[0]!.label).toBe('New');
  });
});
