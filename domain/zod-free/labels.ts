/** `T-0042`. Kept free of schemas so the content script can use it without zod. */
export function ticketLabel(ticket: { number: number }): string {
  return `T-${String(ticket.number).padStart(4, '0')}`;
}
