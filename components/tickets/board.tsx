import { useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';
import { stageLabel, stageTone, ticketLabel, type Settings, type Stage, type Ticket } from '@/domain';
import { recordPath } from '@/messaging/page-urls';
import { useT } from '@/components/common/i18n';
import { formatAge, formatDateTime } from '@/components/common/format';

/** A stage of the board as it is shown: its first cards and how many the view holds. */
export interface BoardColumnData {
  stage: Stage;
  tickets: readonly Ticket[];
  count: number;
  /** False when `count` is a floor (the board stopped counting): shown as "1000+". */
  exact: boolean;
  /** More cards than shown: the column's end offers the next page. */
  more: boolean;
}

export interface BoardProps {
  columns: readonly BoardColumnData[];
  settings: Settings;
  /** The shown cards' conversations, by ticket. */
  conversations: ReadonlyMap<string, { all: number; open: number }>;
  contactNames: ReadonlyMap<string, string>;
  /** How many more cards a column asks for at a time. */
  page: number;
  /** Moves a card into another stage (through the desk, with its cascade). */
  onMove: (ticket: Ticket, stageId: string) => Promise<void> | void;
  /** The column of `stageId` was scrolled to its end, or its "Show more" pressed. */
  onMore: (stageId: string) => void;
  now?: number;
}

/** The card being moved from the keyboard: where it is, and the column it would drop into. */
interface Lifted {
  ticket: Ticket;
  from: number;
  over: number;
}

const KEYS_HINT_ID = 'board-keys';

/** Two letters for a name or an address: the card is narrow; the full name is in the tooltip. */
function initials(name: string): string {
  const words = name.split(/[\s@._-]+/).filter(Boolean);
  return ((words[0]?.[0] ?? '') + (words.length > 1 && !name.includes('@') ? (words[1]?.[0] ?? '') : '')).toUpperCase() || '?';
}

/**
 * The board: a column per stage, each a labelled list of cards (number, name, priority, owner,
 * contact, age, conversations). A card moves by drag and drop onto another column, or from the
 * keyboard: Space lifts the focused card, the left and right arrows choose the column, Space
 * drops it and Escape puts it back; each step is announced. The arrows alone move the focus
 * between cards (up and down in a column, left and right across), Enter opens the ticket.
 */
export function Board({ columns, settings, conversations, contactNames, page, onMove, onMore, now = Date.now() }: BoardProps) {
  const t = useT();
  const root = useRef<HTMLDivElement>(null);
  const [lifted, setLifted] = useState<Lifted | null>(null);
  const [dragging, setDragging] = useState<Ticket | null>(null);
  const [dropOn, setDropOn] = useState<string | null>(null);
  const [status, setStatus] = useState('');
  const [pending, setPending] = useState<ReadonlySet<string>>(new Set());
  // The card each column lets Tab reach (the rest are reached with the arrows).
  const [active, setActive] = useState<Record<string, string>>({});
  // A card moved from the keyboard keeps the focus in its new column once it is drawn there.
  const follow = useRef<{ id: string; stageId: string } | null>(null);

  const label = (stage: Stage) => stageLabel(stage, t, stage.id);
  const cardOf = (id: string) =>
    [...(root.current?.querySelectorAll<HTMLElement>('.board__card') ?? [])].find((card) => card.dataset.ticketId === id) ?? null;

  // Before the browser paints the card in its new place: the focus never shows on the page's body.
  useLayoutEffect(() => {
    const wanted = follow.current;
    if (!wanted) return;
    const card = cardOf(wanted.id);
    // Until the card is drawn in its new column (a move that failed leaves it where it was, and
    // the focus with it, until the agent focuses another card).
    if (!card || card.dataset.stageId !== wanted.stageId) return;
    follow.current = null;
    setActive((a) => ({ ...a, [card.dataset.stageId!]: wanted.id }));
    card.focus();
  });

  async function move(ticket: Ticket, stage: Stage, keepFocus: boolean) {
    if (ticket.stageId === stage.id) return;
    if (keepFocus) follow.current = { id: ticket.id, stageId: stage.id };
    setPending((p) => new Set(p).add(ticket.id));
    try {
      await onMove(ticket, stage.id);
    } finally {
      setPending((p) => {
        const next = new Set(p);
        next.delete(ticket.id);
        return next;
      });
    }
  }

  function focusCard(columnIndex: number, cardIndex: number) {
    const column = columns[columnIndex];
    if (!column || column.tickets.length === 0) return;
    const ticket = column.tickets[Math.max(0, Math.min(cardIndex, column.tickets.length - 1))]!;
    setActive((a) => ({ ...a, [column.stage.id]: ticket.id }));
    cardOf(ticket.id)?.focus();
  }

  function onCardKey(e: KeyboardEvent, ticket: Ticket, columnIndex: number, cardIndex: number) {
    if (e.target !== e.currentTarget || e.altKey || e.ctrlKey || e.metaKey) return;
    const column = columns[columnIndex]!;
    if (lifted && lifted.ticket.id === ticket.id) {
      const step = e.key === 'ArrowLeft' ? -1 : e.key === 'ArrowRight' ? 1 : 0;
      if (step !== 0) {
        const over = Math.max(0, Math.min(columns.length - 1, lifted.over + step));
        setLifted({ ...lifted, over });
        setStatus(t('boardOver', [ticketLabel(ticket), label(columns[over]!.stage)]));
      } else if (e.key === ' ' || e.key === 'Enter') {
        const target = columns[lifted.over]!.stage;
        setLifted(null);
        if (target.id === ticket.stageId) setStatus(t('boardCancelled', [ticketLabel(ticket), label(column.stage)]));
        else {
          const moving = t('boardMoving', [ticketLabel(ticket), label(target)]);
          setStatus(moving);
          // Once it is done the toast says what happened (and what the cascade closed).
          void move(ticket, target, true).then(() => setStatus((now) => (now === moving ? '' : now)));
        }
      } else if (e.key === 'Escape') {
        setLifted(null);
        setStatus(t('boardCancelled', [ticketLabel(ticket), label(column.stage)]));
      } else if (e.key !== 'Tab') return;
      if (e.key !== 'Tab') e.preventDefault();
      return;
    }
    switch (e.key) {
      case ' ':
        if (pending.has(ticket.id)) return;
        setLifted({ ticket, from: columnIndex, over: columnIndex });
        setStatus(t('boardLifted', [ticketLabel(ticket), label(column.stage)]));
        break;
      case 'Enter':
        (e.currentTarget as HTMLElement).querySelector('a')?.click();
        break;
      case 'ArrowDown':
        focusCard(columnIndex, cardIndex + 1);
        break;
      case 'ArrowUp':
        focusCard(columnIndex, cardIndex - 1);
        break;
      case 'Home':
        focusCard(columnIndex, 0);
        break;
      case 'End':
        focusCard(columnIndex, column.tickets.length - 1);
        break;
      case 'ArrowLeft':
      case 'ArrowRight': {
        const step = e.key === 'ArrowLeft' ? -1 : 1;
        // Past an empty column to the next one with cards.
        for (let i = columnIndex + step; i >= 0 && i < columns.length; i += step) {
          if (columns[i]!.tickets.length > 0) {
            focusCard(i, cardIndex);
            break;
          }
        }
        break;
      }
      default:
        return;
    }
    e.preventDefault();
  }

  return (
    <div class="board" ref={root}>
      <p class="board__keys hint" id={KEYS_HINT_ID}>
        {t('boardKeys')}
      </p>
      <p class="board__status" role="status" aria-live="polite">
        {status}
      </p>
      <div class="board__columns">
        {columns.map((column, columnIndex) => {
          const { stage } = column;
          const tone = stageTone(stage);
          const headId = `board-stage-${stage.id}`;
          const count = column.exact ? String(column.count) : `${column.count}+`;
          const tabStop = column.tickets.some((x) => x.id === active[stage.id]) ? active[stage.id] : column.tickets[0]?.id;
          const target = (lifted && lifted.over === columnIndex && lifted.from !== columnIndex) || dropOn === stage.id;
          return (
            <section
              key={stage.id}
              class="board__column"
              data-stage-id={stage.id}
              data-tone={tone}
              data-drop={target ? 'true' : undefined}
              aria-labelledby={headId}
              onDragOver={(e) => {
                if (!dragging) return;
                e.preventDefault();
                if (e.dataTransfer) e.dataTransfer.dropEffect = 'move';
                if (dropOn !== stage.id) setDropOn(dragging.stageId === stage.id ? null : stage.id);
              }}
              onDragLeave={(e) => {
                if (!(e.relatedTarget instanceof Node && e.currentTarget.contains(e.relatedTarget))) setDropOn(null);
              }}
              onDrop={(e) => {
                e.preventDefault();
                const ticket = dragging;
                setDragging(null);
                setDropOn(null);
                if (ticket) void move(ticket, stage, false);
              }}
            >
              <h2 class="board__head" id={headId}>
                <span class="stage" data-state={stage.state} data-waiting={String(tone === 'waiting')}>
                  {label(stage)}
                </span>
                <span class="board__count" title={column.exact ? undefined : t('boardCountAtLeast', [column.count])}>
                  <span class="sr-only">: </span>
                  {count}
                </span>
              </h2>
              <div class="board__scroll">
                {column.tickets.length === 0 ? (
                  <p class="board__empty">{t('boardNoCards')}</p>
                ) : (
                  <ul class="board__cards" aria-label={t('boardColumn', [label(stage), count])}>
                    {column.tickets.map((ticket, cardIndex) => (
                      <Card
                        key={ticket.id}
                        ticket={ticket}
                        settings={settings}
                        stageState={stage.state}
                        conversations={conversations.get(ticket.id) ?? { all: 0, open: 0 }}
                        contactName={ticket.contactEmail ? contactNames.get(ticket.contactEmail) : undefined}
                        now={now}
                        tabStop={ticket.id === tabStop}
                        lifted={lifted?.ticket.id === ticket.id}
                        busy={pending.has(ticket.id)}
                        onKeyDown={(e) => onCardKey(e, ticket, columnIndex, cardIndex)}
                        onFocus={() => {
                          if (follow.current?.id !== ticket.id) follow.current = null;
                          if (active[stage.id] !== ticket.id) setActive((a) => ({ ...a, [stage.id]: ticket.id }));
                        }}
                        onBlur={() => {
                          if (lifted?.ticket.id !== ticket.id) return;
                          setLifted(null);
                          setStatus(t('boardCancelled', [ticketLabel(ticket), label(stage)]));
                        }}
                        onDragStart={(e) => {
                          setLifted(null);
                          setDragging(ticket);
                          if (e.dataTransfer) {
                            e.dataTransfer.effectAllowed = 'move';
                            e.dataTransfer.setData('text/plain', `${ticketLabel(ticket)} ${ticket.name}`);
                          }
                        }}
                        onDragEnd={() => (setDragging(null), setDropOn(null))}
                      />
                    ))}
                  </ul>
                )}
                {column.more && (
                  <MoreButton
                    stageId={stage.id}
                    shown={column.tickets.length}
                    onMore={onMore}
                    text={t('showMoreTickets', [column.exact ? Math.min(page, column.count - column.tickets.length) : page])}
                  />
                )}
              </div>
            </section>
          );
        })}
      </div>
    </div>
  );
}

/** "Show N more" at a column's end: pressed from the keyboard, or reached by scrolling the column. */
function MoreButton({ stageId, shown, onMore, text }: { stageId: string; shown: number; onMore: (stageId: string) => void; text: string }) {
  const button = useRef<HTMLButtonElement>(null);
  const latest = useRef(onMore);
  latest.current = onMore;
  useEffect(() => {
    const element = button.current;
    // jsdom and older engines have no IntersectionObserver: the button still works.
    if (!element || typeof IntersectionObserver === 'undefined') return;
    // Seen through the column's scrolling and the page's: a fresh observer for each page of cards,
    // so a column still short of its height after one page asks for the next.
    const observer = new IntersectionObserver((entries) => entries.some((x) => x.isIntersecting) && latest.current(stageId));
    observer.observe(element);
    return () => observer.disconnect();
  }, [stageId, shown]);
  return (
    <button type="button" class="board__more" ref={button} onClick={() => onMore(stageId)}>
      {text}
    </button>
  );
}

interface CardProps {
  ticket: Ticket;
  settings: Settings;
  stageState: Stage['state'];
  conversations: { all: number; open: number };
  contactName: string | undefined;
  now: number;
  tabStop: boolean;
  lifted: boolean;
  busy: boolean;
  onKeyDown: (e: KeyboardEvent) => void;
  onFocus: () => void;
  onBlur: () => void;
  onDragStart: (e: DragEvent) => void;
  onDragEnd: () => void;
}

function Card({ ticket, settings, stageState, conversations, contactName, now, tabStop, lifted, busy, ...on }: CardProps) {
  const t = useT();
  const owner = ticket.ownerId ? settings.team.find((m) => m.id === ticket.ownerId)?.name || ticket.ownerId : null;
  const closed = stageState === 'closed';
  const since = closed ? (ticket.closedAt ?? ticket.updatedAt) : ticket.updatedAt;
  return (
    <li
      class="board__card"
      data-ticket-id={ticket.id}
      data-stage-id={ticket.stageId}
      data-lifted={lifted ? 'true' : undefined}
      tabIndex={tabStop ? 0 : -1}
      draggable={!busy}
      title={t('boardCardTitle')}
      aria-describedby={KEYS_HINT_ID}
      aria-busy={busy ? 'true' : undefined}
      onKeyDown={on.onKeyDown}
      onFocus={on.onFocus}
      onBlur={on.onBlur}
      onDragStart={on.onDragStart}
      onDragEnd={on.onDragEnd}
    >
      <div class="board__line">
        <span class="board__number">{ticketLabel(ticket)}</span>
        <span class="board__priority" data-priority={ticket.priority}>
          <span aria-hidden="true">●</span> {t(`priority_${ticket.priority}`)}
        </span>
      </div>
      <a class="board__name" href={recordPath(ticket.id).slice(1)} tabIndex={-1} draggable={false}>
        {ticket.name}
      </a>
      <div class="board__contact" title={ticket.contactEmail ?? undefined}>
        {ticket.contactEmail ? (contactName ?? ticket.contactEmail) : '—'}
      </div>
      <div class="board__line board__meta">
        <span class="board__owner" data-unassigned={owner ? undefined : 'true'} title={t('boardOwner', [owner ?? t('unassigned')])}>
          <span aria-hidden="true">{owner ? initials(owner) : '–'}</span>
          <span class="sr-only">{t('boardOwner', [owner ?? t('unassigned')])}</span>
        </span>
        <span
          class="board__conversations"
          data-conversations={`${conversations.open}/${conversations.all}`}
          title={t('boardConversations', [conversations.all, conversations.open])}
        >
          <span aria-hidden="true">{t('boardConversationsShort', [conversations.open, conversations.all])}</span>
          <span class="sr-only">{t('boardConversations', [conversations.all, conversations.open])}</span>
        </span>
        <span
          class="board__age"
          title={closed ? formatDateTime(since) : t('waitingSince', [formatDateTime(since)])}
          data-closed={closed ? 'true' : undefined}
        >
          {closed ? t('boardClosedAgo', [formatAge(since, now)]) : formatAge(since, now)}
        </span>
      </div>
    </li>
  );
}
