import { useEffect, useRef, useState } from 'preact/hooks';
import { useT } from '@/components/common/i18n';
import { Confirm } from '@/components/common/confirm';
import { Toast } from '@/components/common/toast';
import { usePageCommands } from '@/pages/commands';
import { BulkBar, type BulkChoice } from '@/components/tickets/bulk-bar';
import { ShortcutsHelp } from '@/components/tickets/shortcuts-help';
import { FIRST_ROWS, TicketTable } from '@/components/tickets/ticket-table';
import { countedMessage, stageLabel, ticketLabel, type Settings, type Ticket, type Translate } from '@/domain';
import type { SidedeskDatabase } from '@/store/database';
import { addressWriter } from '@/pages/address-writer';
import { useLiveQuery } from '@/pages/live-query';
import { bulkCommands, sendBulk, summarize, undoCommands } from '@/pages/bulk';
import type { Client } from '@/messaging/client';
import { PAGE_PATHS, recordPath } from '@/messaging/page-urls';
import { Board } from './Board';
import { FilterBar } from './FilterBar';
import { addressOf, loadTickets, matchingIds, readSelected, viewFromAddress, type TicketsView } from './model';
import { NO_SELECTION, step, toggle, toggleAll, type Selection } from './selection';
import { DEFAULT_VIEW, isFiltered, isPreset, PRESETS } from './view';
import './tickets.css';

const PAGE = 100;

interface Pending {
  choice: BulkChoice;
  tickets: Ticket[];
  all: Map<string, number>;
  open: Map<string, number>;
}

/** What a confirmation says: what each ticket becomes, and what goes with it. */
function describe(p: Pending, settings: Settings, t: Translate) {
  const n = p.tickets.length;
  const tn = (key: string, count: number, subs: Array<string | number>) =>
    countedMessage(t, key, count, subs, document.documentElement.lang);
  const conversations = [...p.all.values()].reduce((a, b) => a + b, 0);
  const open = p.tickets.reduce((sum, x) => sum + (p.open.get(x.id) ?? 0), 0);
  const names = p.tickets
    .slice(0, 5)
    .map((x) => `${ticketLabel(x)} ${x.name}`)
    .join(', ');
  const named = n > 5 ? t('namesAndMore', [names, n - 5]) : names;
  switch (p.choice.kind) {
    case 'stage': {
      const stageId = p.choice.stageId;
      const stage = settings.pipelines.flatMap((x) => x.stages).find((s) => s.id === stageId);
      const closes = stage?.state === 'closed' ? t('bulkClosesConversations', [open]) : t('bulkEachItsRules');
      return {
        question: tn('bulkConfirmStage', n, [n, stageLabel(stage, t, stageId)]),
        hint: `${named}. ${closes}`,
        label: t('bulkApply'),
      };
    }
    case 'owner': {
      const ownerId = p.choice.ownerId;
      const who = ownerId ? (settings.team.find((m) => m.id === ownerId)?.name ?? ownerId) : t('unassigned');
      return { question: tn('bulkConfirmOwner', n, [n, who]), hint: named, label: t('bulkApply') };
    }
    case 'priority':
      return { question: tn('bulkConfirmPriority', n, [n, t(`priority_${p.choice.priority}`)]), hint: named, label: t('bulkApply') };
    case 'trash':
      return { question: tn('bulkConfirmTrash', n, [n, conversations]), hint: `${named}. ${t('trashRestoreHint')}`, label: t('bulkTrash') };
  }
}

/** Whether a key goes to a field the agent types or chooses in (a checkbox is not one). */
function typing(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable) return true;
  if (target instanceof HTMLInputElement) return !['checkbox', 'radio', 'button', 'submit', 'reset'].includes(target.type);
  return target instanceof HTMLSelectElement || target instanceof HTMLTextAreaElement;
}

/** Whether Enter already does something on the focused element (a link, a button, a checkbox). */
function activates(target: EventTarget | null): boolean {
  return target instanceof HTMLElement && /^(A|BUTTON|SUMMARY|INPUT)$/.test(target.tagName);
}

/** Every ticket: searched, filtered, sorted, in the chosen columns; selected for bulk actions, and
 * worked from the keyboard. Reads the database directly; writes go to the background. */
export function App({ db, call }: { db: SidedeskDatabase; call: Client }) {
  const t = useT();
  const [view, setView] = useState<TicketsView>(() => viewFromAddress(location.search));
  const [addressBar] = useState(() => addressWriter());
  const [shown, setShown] = useState(PAGE);
  // A new view reads its first screen, then the rest of its page once that is painted: the agent
  // sees the top of the list sooner, and a keystroke reads only a screenful.
  const [screenFirst, setScreenFirst] = useState(true);
  const viewKey = addressOf(view, 'x:/');
  // On the board the list reads no rows (the board reads its columns): only what the filters need.
  const rows = view.mode === 'board' ? 0 : screenFirst ? Math.min(FIRST_ROWS, shown) : shown;
  const read = useLiveQuery(async () => ({ viewKey, rows, model: await loadTickets(db, view, rows) }), [db, viewKey, rows]);
  const data = read?.model;
  // Only a whole page offers more: a first screen always has more behind it.
  const more = data?.more === true && read?.rows === shown;
  useEffect(() => {
    if (screenFirst && read?.viewKey === viewKey) setScreenFirst(false);
  }, [read, viewKey, screenFirst]);
  const [selection, setSelection] = useState<Selection>(NO_SELECTION);
  const [matching, setMatching] = useState<{ ids: string[]; truncated: boolean } | null>(null);
  const [allMatching, setAllMatching] = useState(false);
  const [focused, setFocused] = useState<string | null>(null);
  const [pending, setPending] = useState<Pending | null>(null);
  const [progress, setProgress] = useState<{ done: number; total: number } | null>(null);
  const [help, setHelp] = useState(false);
  const { commands, toast, toaster } = usePageCommands(call, data && { actor: data.actor, settings: data.settings });
  const search = useRef<HTMLInputElement>(null);
  const stageRef = useRef<HTMLSelectElement>(null);
  const ownerRef = useRef<HTMLSelectElement>(null);
  const priorityRef = useRef<HTMLSelectElement>(null);
  const [focusControl, setFocusControl] = useState<'stage' | 'owner' | 'priority' | null>(null);
  const ids = data?.tickets.map((x) => x.id) ?? [];
  const allShown = ids.length > 0 && ids.every((id) => selection.ids.has(id));

  const change = (patch: Partial<TicketsView>) => {
    const next = { ...view, ...patch };
    setView(next);
    setShown(PAGE);
    setScreenFirst(true);
    // A selection is of what the agent saw: another view starts without one.
    setSelection(NO_SELECTION);
    setAllMatching(false);
    // The view lives in the address: a reload or a bookmark opens the same list.
    addressBar.write(addressOf(next, location.href));
  };

  // All shown selected and more match: count them, to offer "select all N matching".
  useEffect(() => {
    setMatching(null);
    if (!allShown || !more) return;
    let live = true;
    void matchingIds(db, view).then((m) => live && setMatching(m));
    return () => void (live = false);
  }, [allShown, more, db, view]);

  // A key that names an action takes the focus to its control once the bar is drawn.
  useEffect(() => {
    const control = { stage: stageRef, owner: ownerRef, priority: priorityRef }[focusControl ?? 'stage'];
    if (focusControl && control.current) {
      control.current.focus();
      setFocusControl(null);
    }
  }, [focusControl, selection]);

  const target = () => (selection.ids.size > 0 ? selection : focused ? { ids: new Set([focused]), anchor: focused } : null);

  async function ask(choice: BulkChoice) {
    const chosen = target();
    if (!chosen) return;
    if (selection.ids.size === 0) setSelection(chosen);
    const read = await readSelected(db, [...chosen.ids]);
    if (read.tickets.length > 0) setPending({ choice, ...read });
  }

  async function apply(p: Pending) {
    setPending(null);
    const actor = data?.actor ?? 'sidedesk';
    setProgress({ done: 0, total: p.tickets.length });
    const results = await sendBulk(call, bulkCommands(p.choice, p.tickets, p.all), actor, (done, total) => setProgress({ done, total }));
    setProgress(null);
    setSelection(NO_SELECTION);
    setAllMatching(false);
    const s = summarize(results);
    const undo = undoCommands(p.choice, p.tickets, results, p.all);
    const parts = [countedMessage(t, 'bulkChanged', p.tickets.length, [s.changed, p.tickets.length], document.documentElement.lang)];
    if (s.unchanged > 0) parts.push(t('bulkAlready', [s.unchanged]));
    if (s.closed > 0) parts.push(t('bulkClosed', [s.closed]));
    if (s.reopened > 0) parts.push(t('bulkReopened', [s.reopened]));
    if (s.refused.length > 0) {
      const reason = s.refused.some((e) => e.code === 'conflict') ? t('conflictShown') : s.refused[0]!.message;
      parts.push(t('bulkRefused', [s.refused.length, reason]));
    }
    if (s.changed > 0 && undo === null) parts.push(t('bulkNoUndo'));
    toaster.show({
      text: parts.join(' '),
      tone: s.refused.length > 0 ? 'error' : 'info',
      undo:
        undo && undo.length > 0
          ? () =>
              void sendBulk(call, undo, actor, (done, total) => setProgress({ done, total })).then((r) => {
                setProgress(null);
                toaster.info(countedMessage(t, 'bulkUndone', summarize(r).changed, [summarize(r).changed], document.documentElement.lang));
              })
          : undefined,
    });
  }

  function onKey(e: KeyboardEvent) {
    if (e.ctrlKey || e.metaKey || e.altKey || help || pending) return;
    if (e.key === 'Escape' && selection.ids.size > 0 && !typing(e.target)) return void (setSelection(NO_SELECTION), setAllMatching(false));
    if (typing(e.target)) return;
    if (view.mode !== 'list') {
      // The board has its own keys for its cards; these two belong to the page.
      if (e.key === '?') setHelp(true);
      else if (e.key === 'b') change({ mode: 'list' });
      else if (e.key === '/') search.current?.focus();
      else return;
      e.preventDefault();
      return;
    }
    const go = (by: 1 | -1) => {
      const next = step(ids, focused, by);
      setFocused(next);
      if (next) document.getElementById(`row-${next}`)?.focus();
    };
    const handled = (() => {
      switch (e.key) {
        case 'ArrowDown':
        case 'j':
          return (go(1), true);
        case 'ArrowUp':
        case 'k':
          return (go(-1), true);
        case 'Enter':
        case 'o':
          if (!focused || (e.key === 'Enter' && activates(e.target))) return false;
          location.assign(recordPath(focused).slice(1));
          return true;
        case 'x':
        case 'X':
          if (focused) setSelection((s) => toggle(s, focused, ids, e.shiftKey));
          return !!focused;
        case 'A':
          setSelection((s) => toggleAll(s, ids));
          return true;
        case 's':
        case 'a':
        case 'p': {
          const chosen = target();
          if (!chosen) return false;
          if (selection.ids.size === 0) setSelection(chosen);
          setFocusControl(e.key === 's' ? 'stage' : e.key === 'a' ? 'owner' : 'priority');
          return true;
        }
        case '#':
        case 'Delete':
          void ask({ kind: 'trash' });
          return true;
        case '/':
          search.current?.focus();
          return true;
        case 'b':
          change({ mode: 'board' });
          return true;
        case '?':
          setHelp(true);
          return true;
        default:
          return false;
      }
    })();
    if (handled) e.preventDefault();
  }

  // One listener for the page's life, calling the latest handler: a key pressed right after a
  // render acts on what the agent sees, never on the state before it.
  const latestKey = useRef(onKey);
  latestKey.current = onKey;
  useEffect(() => {
    const listener = (e: KeyboardEvent) => latestKey.current(e);
    document.addEventListener('keydown', listener);
    return () => document.removeEventListener('keydown', listener);
  }, []);

  const confirm = pending && data && describe(pending, data.settings, t);
  const filtered = view.q.trim() !== '' || isFiltered(view);
  return (
    <main class="page">
      <div class="page__head">
        <h1>{t('ticketsTitle')}</h1>
        <nav class="page__links">
          <a href={PAGE_PATHS.trash.slice(1)}>{t('trashTitle')}</a>
          <a href={PAGE_PATHS.options.slice(1)}>⚙ {t('settingsTitle')}</a>
          <button type="button" class="link" aria-keyshortcuts="?" onClick={() => setHelp(true)}>
            {t('keysTitle')} <kbd>?</kbd>
          </button>
        </nav>
        {data && (
          <div class="toggles">
            <label class="toggle">
              <input
                type="checkbox"
                checked={data.settings.notifications}
                onChange={(e) => void commands.changeSettings({ kind: 'setBehaviour', notifications: e.currentTarget.checked })}
              />{' '}
              {t('notifyFollowed')}
            </label>
            <label class="toggle">
              <input
                type="checkbox"
                name="reopen-on-reply"
                checked={data.settings.reopenOnReply}
                onChange={(e) => void commands.changeSettings({ kind: 'setBehaviour', reopenOnReply: e.currentTarget.checked })}
              />{' '}
              {t('reopenOnReply')}
            </label>
          </div>
        )}
      </div>
      <nav class="page__presets" aria-label={t('presets')}>
        {PRESETS.map((p) => (
          <button
            key={p.key}
            type="button"
            class="link"
            aria-pressed={isPreset(view, p.view)}
            onClick={() => change({ ...DEFAULT_VIEW, q: view.q, sort: view.sort, columns: view.columns, mode: view.mode, ...p.view })}
          >
            {t(p.key)}
          </button>
        ))}
      </nav>
      <div class="page__tools" role="search">
        <div class="page__searchrow">
          <input
            ref={search}
            type="search"
            name="q"
            class="page__search"
            aria-label={t('searchTickets')}
            placeholder={t('searchTickets')}
            value={view.q}
            onInput={(e) => change({ q: e.currentTarget.value })}
            onKeyDown={(e) => e.key === 'Escape' && e.currentTarget.blur()}
          />
          <div class="mode-switch" role="group" aria-label={t('viewMode')}>
            <button type="button" aria-pressed={view.mode === 'list'} onClick={() => change({ mode: 'list' })}>
              {t('modeList')}
            </button>
            <button type="button" aria-pressed={view.mode === 'board'} onClick={() => change({ mode: 'board' })}>
              {t('modeBoard')}
            </button>
          </div>
        </div>
        {data && <FilterBar view={view} settings={data.settings} properties={data.properties} onChange={change} />}
      </div>
      {view.mode === 'board' ? (
        <Board db={db} call={call} view={view} onView={change} />
      ) : (
        <>
          {/* The selection's bar and its confirmation stay in view together while the list scrolls. */}
          <div class="bulk-zone">
            {data && (selection.ids.size > 0 || progress) && (
              <BulkBar
                count={selection.ids.size}
                matching={matching ? matching.ids.length : null}
                allMatching={allMatching}
                settings={data.settings}
                progress={progress}
                onChoose={(choice) => void ask(choice)}
                onSelectMatching={() => matching && (setSelection({ ids: new Set(matching.ids), anchor: null }), setAllMatching(true))}
                onClear={() => (setSelection(NO_SELECTION), setAllMatching(false))}
                stageRef={stageRef}
                ownerRef={ownerRef}
                priorityRef={priorityRef}
              />
            )}
            {allMatching && matching?.truncated && (
              <p class="hint" role="status">
                {t('selectionCapped', [matching.ids.length])}
              </p>
            )}
            {confirm && pending && (
              <Confirm
                id="bulk-confirm"
                question={confirm.question}
                hint={confirm.hint}
                confirmLabel={confirm.label}
                onConfirm={() => void apply(pending)}
                onCancel={() => setPending(null)}
              />
            )}
          </div>
          {data?.truncated && (
            <p class="hint" role="status">
              {t('searchTruncated')}
            </p>
          )}
          {data === undefined ? (
            <p aria-busy="true">{t('loading')}</p>
          ) : filtered && data.tickets.length === 0 ? (
            <p class="empty" role="status">
              {view.q.trim() ? t('noTicketsMatch', [view.q.trim()]) : t('noTicketsInView')}
            </p>
          ) : (
            <TicketTable
              tickets={data.tickets}
              settings={data.settings}
              linked={data.linked}
              contactNames={data.contactNames}
              columns={view.columns}
              selected={selection.ids}
              onToggle={(id, range) => setSelection((s) => toggle(s, id, ids, range))}
              onToggleAll={() => setSelection((s) => toggleAll(s, ids))}
              focused={focused}
              onFocusRow={setFocused}
            />
          )}
          {more && (
            <button type="button" class="show-more" onClick={() => setShown((n) => n + PAGE)}>
              {t('showMoreTickets', [PAGE])}
            </button>
          )}
        </>
      )}
      {help && <ShortcutsHelp onClose={() => setHelp(false)} />}
      {/* The board says what its moves did in its own toast. */}
      {view.mode === 'list' && <Toast message={toast} onDismiss={toaster.dismiss} />}
    </main>
  );
}
