import { useEffect, useRef, useState } from 'preact/hooks';
import { ticketLabel, type Ticket } from '@/domain';
import { useT } from '@/components/common/i18n';

export interface TicketPickerProps {
  /** Tickets matching what is typed, best first. */
  candidates: Ticket[];
  onSearch: (query: string) => void;
  onPick: (ticketId: string) => void;
  onCancel: () => void;
}

/**
 * "Add to an existing ticket": a combobox. The focus stays in the search field while the arrow
 * keys move through the results (`aria-activedescendant` says which one a screen reader is on),
 * Enter adds the conversation to it, Escape closes.
 */
export function TicketPicker({ candidates, onSearch, onPick, onCancel }: TicketPickerProps) {
  const t = useT();
  const [active, setActive] = useState(0);
  const input = useRef<HTMLInputElement>(null);
  // The picker opens ready to type in.
  useEffect(() => input.current?.focus(), []);
  const index = candidates.length ? Math.min(active, candidates.length - 1) : -1;
  const current = index >= 0 ? candidates[index] : undefined;
  const optionId = (ticket: Ticket) => `ticket-option-${ticket.id}`;
  const move = (by: number) => setActive((index + by + candidates.length) % candidates.length);
  return (
    <div class="picker">
      <input
        ref={input}
        type="text"
        role="combobox"
        aria-expanded="true"
        aria-controls="ticket-options"
        aria-autocomplete="list"
        aria-activedescendant={current ? optionId(current) : undefined}
        aria-describedby="ticket-picker-hint"
        aria-label={t('searchTickets')}
        placeholder={t('searchTickets')}
        autoComplete="off"
        onInput={(e) => (setActive(0), onSearch(e.currentTarget.value))}
        onKeyDown={(e) => {
          if (e.key === 'ArrowDown' && candidates.length) (e.preventDefault(), move(1));
          else if (e.key === 'ArrowUp' && candidates.length) (e.preventDefault(), move(-1));
          else if (e.key === 'Enter') (e.preventDefault(), current && onPick(current.id));
          else if (e.key === 'Escape') (e.preventDefault(), onCancel());
        }}
      />
      <p id="ticket-picker-hint" class="hint">
        {t('pickerHint')}
      </p>
      <ul id="ticket-options" role="listbox" aria-label={t('addToTicket')}>
        {candidates.map((ticket, i) => (
          // Clicked, not focused: the focus stays in the field, where typing goes on.
          <li
            key={ticket.id}
            id={optionId(ticket)}
            role="option"
            aria-selected={i === index}
            class="picker__option"
            onMouseDown={(e) => e.preventDefault()}
            onClick={() => onPick(ticket.id)}
          >
            <span class="picker__name">
              {ticketLabel(ticket)} {ticket.name}
            </span>
            {ticket.contactEmail && <span class="muted picker__contact">{ticket.contactEmail}</span>}
          </li>
        ))}
      </ul>
      {candidates.length === 0 && (
        <p class="muted" role="status">
          {t('noTicketsFound')}
        </p>
      )}
    </div>
  );
}
