import { z } from 'zod';
import { Command, CommandResult, ConversationId, RecordId, Settings, Stage, Ticket } from '@/domain';
import { Reading } from '@/domain/reading';

/** Who may send a request: extension pages (panel, popup, record and tickets pages), or the
 * content script of a supported webmail tab. Everything else is refused before parsing data. */
export type SenderKind = 'extension-page' | 'content-script';

/** What the chip in a webmail page shows of a conversation's ticket: its number, name and stage.
 * Nothing more (description, properties, contact) is ever sent to a page's content script. */
export const TicketView = z.object({
  ticket: Ticket.pick({ id: true, number: true, name: true }).nullable(),
  stage: Stage.nullable(),
});
export type TicketView = z.infer<typeof TicketView>;

export const ErrorBody = z.object({ code: z.string(), message: z.string() });

/** How many commands one bulk message may carry: a page sends a large selection in chunks, and
 * says how far it got between them. */
export const BATCH_MAX = 100;

/**
 * The protocol: one entry per request, defined once and imported by the router and the clients.
 * Every request carries one data object, parsed with `request` at the receiver; every answer is
 * parsed with `response` by the client.
 */
export const protocol = {
  /** A command for the desk (create, edit, stage, owner, close, trash, restore, follow...). */
  command: { request: Command, response: CommandResult, from: ['extension-page'] },
  /**
   * Several commands, each applied as if sent alone (its own transaction, cascade and result), in
   * order: a bulk action. Each is checked on its own, so one refused costs that one only.
   */
  commands: {
    request: z.object({ commands: z.array(z.unknown()).min(1).max(BATCH_MAX) }),
    response: z.object({
      results: z.array(
        z.union([z.object({ ok: z.literal(true), result: CommandResult }), z.object({ ok: z.literal(false), error: ErrorBody })]),
      ),
    }),
    from: ['extension-page'],
  },
  /** The content script reports what its page shows. */
  report: {
    // No address: the tab's is taken from the sender, which the browser vouches for (a field an
    // older content script still sends is dropped by the parse).
    request: z.object({ requestId: RecordId, reading: Reading }),
    // The stored conversation with its ticket, so the chip draws without a second round trip.
    response: z.object({ conversationId: ConversationId.nullable(), view: TicketView.nullable() }),
    from: ['content-script'],
  },
  /** The chip's code, run in the asking content script's page once it shows a conversation
   * (a webmail page without one never loads it). */
  loadChip: {
    request: z.object({}),
    response: z.object({ loaded: z.boolean() }),
    from: ['content-script'],
  },
  /** The ticket of a conversation (a content script may only ask about the one its tab shows). */
  conversationTicket: {
    request: z.object({ conversationId: ConversationId }),
    response: TicketView,
    from: ['extension-page', 'content-script'],
  },
  /** Opens a ticket's record page in a new tab (the chip's ticket name). */
  openTicket: {
    request: z.object({ ticketId: RecordId }),
    response: z.object({ opened: z.boolean() }),
    from: ['extension-page', 'content-script'],
  },
  /** Opens Sidedesk's side panel (Chrome) or sidebar (Firefox) on the sender's tab; needs the
   * user's click, which a message sent from a click handler carries in Chrome. */
  openPanel: {
    request: z.object({ conversationId: ConversationId.nullable() }),
    response: z.object({ opened: z.boolean() }),
    from: ['extension-page', 'content-script'],
  },
  getSettings: { request: z.object({}), response: Settings, from: ['extension-page'] },
  /** The desk was written outside a command (an import): the badge and the tabs' chips read it again. */
  deskChanged: { request: z.object({}), response: z.object({}), from: ['extension-page'] },
} as const satisfies Record<string, { request: z.ZodType; response: z.ZodType; from: readonly SenderKind[] }>;

export type Protocol = typeof protocol;
export type RequestName = keyof Protocol;
export type RequestOf<N extends RequestName> = z.input<Protocol[N]['request']>;
export type ParsedRequestOf<N extends RequestName> = z.output<Protocol[N]['request']>;
export type ResponseOf<N extends RequestName> = z.output<Protocol[N]['response']>;

/** The envelope every message travels in. */
export const Envelope = z.object({
  sidedesk: z.literal(1),
  name: z.string().max(100),
  data: z.unknown(),
});

export const Reply = z.union([z.object({ ok: z.literal(true), data: z.unknown() }), z.object({ ok: z.literal(false), error: ErrorBody })]);
export type Reply = z.infer<typeof Reply>;
