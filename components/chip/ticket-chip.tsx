import type { StageTone } from '@/domain/zod-free/stage-tone';
import { useT } from '@/components/common/i18n';

/** What the chip shows for the open conversation. */
export type ChipView =
  | { kind: 'loading' }
  | { kind: 'none'; hint: string | null }
  | { kind: 'ticket'; label: string; name: string; stage: string; tone: StageTone };

export interface TicketChipProps {
  view: ChipView;
  onOpen: () => void;
  onCreate: () => void;
}

/** A ticket outline; drawn, so it does not depend on an emoji font. */
function TicketIcon() {
  return (
    <svg class="chip__icon" viewBox="0 0 16 16" width="12" height="12" aria-hidden="true">
      <path
        d="M2 4.5h12v2a1.5 1.5 0 0 0 0 3v2H2v-2a1.5 1.5 0 0 0 0-3z M6.5 4.5v7"
        fill="none"
        stroke="currentColor"
        stroke-width="1.3"
        stroke-dasharray="none"
      />
    </svg>
  );
}

/** Drawn too: the full-width "＋" made the page look up a fallback font, about 5 ms of layout. */
function PlusIcon() {
  return (
    <svg class="chip__icon" viewBox="0 0 16 16" width="12" height="12" aria-hidden="true">
      <path d="M8 3v10M3 8h10" fill="none" stroke="currentColor" stroke-width="1.5" />
    </svg>
  );
}

/** The small ticket chip beside a conversation's subject, in the webmail page. */
export function TicketChip({ view, onOpen, onCreate }: TicketChipProps) {
  const t = useT();
  if (view.kind === 'loading') {
    return (
      <span class="chip chip--quiet" aria-busy="true">
        {t('chipLoading')}
      </span>
    );
  }
  if (view.kind === 'none') {
    return (
      <span class="chip chip--quiet">
        <button type="button" class="chip__action" onClick={onCreate}>
          + {t('createTicket')}
        </button>
        {view.hint && (
          <span class="chip__hint" role="status">
            {view.hint}
          </span>
        )}
      </span>
    );
  }
  return (
    <span class="chip" data-tone={view.tone}>
      <button type="button" class="chip__action" onClick={onOpen} title={t('chipOpenTicket', [view.label])}>
        <TicketIcon />
        {view.label}
        <span class="chip__name"> {view.name}</span>
      </button>
      <span class="chip__stage">· {view.stage}</span>
    </span>
  );
}
