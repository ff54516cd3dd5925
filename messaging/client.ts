import { DeskFailure, type DeskErrorCode } from '@/domain';
import { protocol, Reply, type RequestName, type RequestOf, type ResponseOf } from './protocol';

/** Sends one message and resolves with the receiver's answer (`runtime.sendMessage`). */
export type Send = (message: unknown) => Promise<unknown>;

/**
 * A typed client for pages and the content script. Resolves with the parsed response, or throws
 * a DeskFailure carrying the router's error (forbidden, invalid, conflict...).
 */
export function createClient(send: Send) {
  return async function call<N extends RequestName>(name: N, data: RequestOf<N>): Promise<ResponseOf<N>> {
    let raw: unknown;
    try {
      raw = await send({ sidedesk: 1, name, data });
    } catch (error) {
      throw new DeskFailure({ code: 'internal', message: `Sidedesk's background did not answer: ${(error as Error).message}` });
    }
    const reply = Reply.safeParse(raw);
    if (!reply.success) throw new DeskFailure({ code: 'internal', message: 'Malformed answer from the background.' });
    if (!reply.data.ok) throw new DeskFailure({ code: reply.data.error.code as DeskErrorCode, message: reply.data.error.message });
    const response = protocol[name].response.safeParse(reply.data.data);
    if (!response.success) {
      // Stored, but answered in a shape this page does not know (an older page after an update).
      console.error(`Sidedesk: unexpected answer to ${name}`, response.error.issues);
      throw new DeskFailure({ code: 'internal', message: 'The answer could not be read; reload the page to see what was stored.' });
    }
    return response.data as ResponseOf<N>;
  };
}
export type Client = ReturnType<typeof createClient>;
