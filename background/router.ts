import { DeskFailure, describeZodError, plainMessage, type DeskError } from '@/domain';
import {
  Envelope,
  protocol,
  type ParsedRequestOf,
  type Reply,
  type RequestName,
  type ResponseOf,
  type SenderKind,
} from '@/messaging/protocol';
import { classifySender, type Self, type SenderInfo } from './sender';

/** What a handler knows of the sender, as established by the router (never as claimed). */
export interface Caller {
  kind: SenderKind;
  tabId: number | undefined;
  /** The sender's frame in its tab, as the browser says. */
  frameId: number | undefined;
  url: string;
}

export type Handlers = {
  [N in RequestName]: (data: ParsedRequestOf<N>, caller: Caller) => Promise<ResponseOf<N>>;
};

/**
 * The background's one entry point for messages: checks the sender, parses the envelope and the
 * request before any handler runs, and answers `{ ok: true, data }` or `{ ok: false, error }`.
 */
export function createRouter(handlers: Handlers, self: Self) {
  async function handle(message: unknown, sender: SenderInfo): Promise<Reply> {
    const kind = classifySender(sender, self);
    if (!kind) return fail({ code: 'forbidden', message: 'Messages are accepted only from Sidedesk itself.' });
    const envelope = Envelope.safeParse(message);
    if (!envelope.success) return fail({ code: 'invalid', message: 'Not a Sidedesk message.' });
    const name = envelope.data.name;
    if (!Object.hasOwn(protocol, name)) return fail({ code: 'invalid', message: `Unknown request ${name}.` });
    const entry = protocol[name as RequestName];
    if (!(entry.from as readonly SenderKind[]).includes(kind)) {
      return fail({ code: 'forbidden', message: `A ${kind} may not send ${name}.` });
    }
    if ((name === 'command' || name === 'commands') && kind !== 'extension-page') {
      return fail({ code: 'forbidden', message: 'Commands come from extension pages only.' });
    }
    const data = entry.request.safeParse(envelope.data.data);
    if (!data.success) {
      console.warn(`Sidedesk refused a ${name} request`, data.error.issues);
      return fail({ code: 'invalid', message: describeZodError(data.error) });
    }
    // A content script's page is its tab's: the browser's tab address follows Gmail's hash routes
    // and pushState at once, where the sender's own url is the document's as first loaded.
    const url = (kind === 'content-script' ? sender.tab?.url : undefined) ?? sender.url ?? '';
    const caller: Caller = { kind, tabId: sender.tab?.id, frameId: sender.frameId, url };
    try {
      const handler = handlers[name as RequestName] as (d: unknown, c: Caller) => Promise<unknown>;
      return { ok: true, data: await handler(data.data, caller) };
    } catch (error) {
      if (error instanceof DeskFailure) return fail(error.error);
      console.error(`Sidedesk could not answer ${name}`, error);
      return fail({ code: 'internal', message: plainMessage(error, 'Sidedesk could not do this; nothing was changed.') });
    }
  }
  return { handle };
}

function fail(error: DeskError): Reply {
  return { ok: false, error };
}
