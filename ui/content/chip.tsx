import { render } from 'preact';
import { ticketLabel } from '../../domain/labels';
import { TicketChip, type ChipView } from '../../components/ticket-chip';
import { I18nProvider, type Translate } from '../../components/i18n';
import { stageLabel } from '../../components/stage-label';
import type { LightClient } from '../../messaging/light-client';
import type { TicketView } from '../../messaging/protocol';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import type { WebmailReader } from '../../webmail/reader';
import { CHIP_CSS } from './chip-css';

function toView(v: TicketView, t: Translate): ChipView {
  if (!v.ticket || !v.stage) return { kind: 'none', hint: null };
  const tone = v.stage.state === 'closed' ? 'closed' : v.stage.id.startsWith('waiting') ? 'waiting' : 'open';
  return { kind: 'ticket', label: ticketLabel(v.ticket), name: v.ticket.name, stage: stageLabel(v.stage, t), tone };
}

/** Dark webmail themes are the page's own, not `prefers-color-scheme`: look at its background. */
function pageIsDark(doc: Document): boolean {
  const m = getComputedStyle(doc.body).backgroundColor.match(/\d+(\.\d+)?/g);
  if (!m || m.length < 3 || (m[3] !== undefined && Number(m[3]) === 0)) return false;
  const [r, g, b] = m.map(Number) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b < 110;
}

/** The chip beside the open conversation's subject, in a shadow root so no CSS crosses. */
export function createChip(ctx: ContentScriptContext, reader: WebmailReader, call: LightClient, t: Translate) {
  let conversationId: string | null = null;
  let view: ChipView = { kind: 'loading' };
  let ui: Awaited<ReturnType<typeof createShadowRootUi>> | null = null;
  let anchor: Element | null = null;
  let generation = 0;

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
      ui.uiContainer,
    );
  };
  let currentTicketId: string | null = null;

  async function openPanel() {
    if (!conversationId) return;
    const opened = await call('openPanel', { conversationId }).then((r) => r.opened, () => false);
    if (!opened && view.kind === 'none') {
      view = { kind: 'none', hint: t('chipUseMenu') };
      draw();
    }
  }

  function remove() {
    generation++;
    if (ui) render(null, ui.uiContainer);
    ui?.remove();
    ui = null;
    anchor = null;
  }

  async function mount(at: Element) {
    remove();
    const mine = generation;
    anchor = at;
    const next = await createShadowRootUi(ctx, { name: 'sidedesk-chip', position: 'inline', anchor: at, append: 'after', css: CHIP_CSS, onMount: () => undefined });
    if (mine !== generation) return next.remove();
    ui = next;
    // WXT's container is a block <div>: keep the chip on the subject's line, like the
    // webmail's own labels.
    ui.uiContainer.style.display = 'inline';
    // Custom properties pass WXT's `all: initial` reset of the host.
    ui.shadowHost.style.setProperty('--sidedesk-page-font', getComputedStyle(at).fontFamily);
    ui.mount();
    if (pageIsDark(document)) ui.shadowHost.setAttribute('data-theme', 'dark');
    draw();
  }

  async function refresh() {
    const id = conversationId;
    if (!id) return;
    try {
      const v = await call('conversationTicket', { conversationId: id });
      if (id !== conversationId) return;
      currentTicketId = v.ticket?.id ?? null;
      view = toView(v, t);
    } catch {
      view = { kind: 'none', hint: null };
    }
    draw();
  }

  return {
    /** The conversation the background stored for this page (null: none open). */
    async show(id: string | null) {
      if (id === conversationId) return;
      conversationId = id;
      view = { kind: 'loading' };
      currentTicketId = null;
      if (!id) return this.sync();
      // Ask first, then draw once: the chip appears with its ticket, without a loading flash.
      await refresh();
      this.sync();
    },
    /** Keeps the chip beside the subject when the webmail redraws it. */
    sync() {
      const at = conversationId ? reader.chipAnchor(document) : null;
      if (!at) return void (ui || anchor ? remove() : undefined);
      if (at !== anchor || (ui && !ui.shadowHost.isConnected)) void mount(at);
    },
    refresh,
    remove,
  };
}
