import { render } from 'preact';
import { ticketLabel } from '@/domain/zod-free/labels';
import { TicketChip, type ChipView } from '@/components/chip/ticket-chip';
import { I18nProvider, type Translate } from '@/components/common/i18n';
import { stageLabel } from '@/domain/zod-free/stage-label';
import { stageTone } from '@/domain/zod-free/stage-tone';
import type { LightClient } from '@/messaging/light-client';
import type { TicketView } from '@/messaging/protocol';
import type { WebmailReader } from '@/webmail/webmail-reader';
import type { ReadingInput } from '@/domain/reading';
import { CHIP_CSS } from './chip-css';

function toView(v: TicketView, t: Translate): ChipView {
  if (!v.ticket || !v.stage) return { kind: 'none', hint: null };
  return { kind: 'ticket', label: ticketLabel(v.ticket), name: v.ticket.name, stage: stageLabel(v.stage, t), tone: stageTone(v.stage) };
}

/** Dark webmail themes are the page's own, not `prefers-color-scheme`: look at its background. */
function pageIsDark(doc: Document): boolean {
  const m = getComputedStyle(doc.body).backgroundColor.match(/\d+(\.\d+)?/g);
  if (!m || m.length < 3 || (m[3] !== undefined && Number(m[3]) === 0)) return false;
  const [r, g, b] = m.map(Number) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b < 110;
}

interface ChipHost {
  host: HTMLElement;
  container: HTMLElement;
}

/**
 * A closed shadow root holding the chip's styles and a container. Closed, because the webmail's
 * own scripts (and any script a mail smuggles in) must not read the ticket's name and stage from
 * it; and it lets only trusted clicks through, so no script can open the ticket's record page or
 * the panel by clicking for the agent. Built by hand rather than with WXT's `createShadowRootUi`:
 * that one is async, parses its CSS to split it, and compiles a large Unicode regex to check the
 * element name, all on the webmail's main thread at every mount.
 */
function createHost(): ChipHost {
  const host = document.createElement('sidedesk-chip');
  const shadow = host.attachShadow({ mode: 'closed' });
  // Captured at the root, before any button sees it: the buttons need not know the rule.
  shadow.addEventListener(
    'click',
    (event) => {
      if (!event.isTrusted) event.stopImmediatePropagation();
    },
    { capture: true },
  );
  const style = document.createElement('style');
  style.textContent = CHIP_CSS;
  const container = document.createElement('span');
  shadow.append(style, container);
  return { host, container };
}

/** The chip beside the open conversation's subject, in a shadow root so no CSS crosses.
 * `wrote` is told after each of its own changes to the page (its host put in or taken out). */
export function createChip(reader: WebmailReader, call: LightClient, t: Translate, wrote: () => void = () => {}) {
  let conversationId: string | null = null;
  let view: ChipView = { kind: 'loading' };
  let ui: ChipHost | null = null;
  /** The thread of the conversation shown, and the thread of the page's last reading (null when
   * it read no conversation), both as the reader read them: the chip shows only when they agree. */
  let shownThread: string | null = null;
  let lastReadThread: string | null = null;
  const pageShowsMine = () => lastReadThread !== null && lastReadThread === shownThread;
  let anchor: Element | null = null;

  const draw = () => {
    if (!ui) return;
    const ticketId = view.kind === 'ticket' ? currentTicketId : null;
    render(
      <I18nProvider value={t}>
        <TicketChip
          view={view}
          onOpen={() => ticketId && void call('openTicket', { ticketId }).catch(() => {})}
          onCreate={() => void openPanel()}
        />
      </I18nProvider>,
      ui.container,
    );
  };
  let currentTicketId: string | null = null;

  async function openPanel() {
    if (!conversationId) return;
    const opened = await call('openPanel', { conversationId }).then(
      (r) => r.opened,
      () => false,
    );
    if (!opened && view.kind === 'none') {
      view = { kind: 'none', hint: t('chipUseMenu') };
      draw();
    }
  }

  function remove() {
    if (ui) render(null, ui.container);
    ui?.host.remove();
    wrote();
    ui = null;
    anchor = null;
  }

  function mount(at: Element) {
    remove();
    anchor = at;
    ui = createHost();
    // Custom properties pass the host's `all: initial` reset: the chip takes the subject's font.
    ui.host.style.setProperty('--sidedesk-page-font', getComputedStyle(at).fontFamily);
    if (pageIsDark(document)) ui.host.setAttribute('data-theme', 'dark');
    at.after(ui.host);
    wrote();
    draw();
  }

  function take(v: TicketView) {
    currentTicketId = v.ticket?.id ?? null;
    view = toView(v, t);
  }

  async function refresh() {
    const id = conversationId;
    if (!id) return;
    try {
      const v = await call('conversationTicket', { conversationId: id });
      if (id !== conversationId) return;
      take(v);
    } catch {
      view = { kind: 'none', hint: null };
    }
    draw();
  }

  return {
    /** The conversation the background stored for this page (null: none open), with its ticket:
     * the chip appears once, with its ticket, without a loading flash or a second request. */
    show(id: string | null, v: TicketView | null, threadId: string | null) {
      // The answer can come after the page has moved on: shown only if the page still shows it.
      shownThread = threadId;
      if (id === conversationId) {
        if (id && v) (take(v), draw()); // the answer's view is the freshest
        return this.sync();
      }
      conversationId = id;
      currentTicketId = null;
      if (id && v) take(v);
      else view = id ? { kind: 'none', hint: null } : { kind: 'loading' };
      this.sync();
      draw();
    },
    /** Keeps the chip beside the subject when the webmail redraws it, and only while the page
     * shows the conversation the chip is about: between two threads (the address has moved on,
     * the page still paints) it is hidden, never put beside the next thread's subject. */
    sync(reading?: ReadingInput) {
      if (reading) lastReadThread = reading.status === 'conversation' ? reading.observation.threadId : null;
      const at = conversationId && pageShowsMine() ? reader.chipAnchor(document) : null;
      if (!at) return void (ui || anchor ? remove() : undefined);
      if (at !== anchor || (ui && !ui.host.isConnected)) mount(at);
    },
    refresh,
    remove,
  };
}
