import { DeskFailure, type DeskErrorCode } from '@/domain/zod-free/errors';
import type { RequestName, RequestOf, ResponseOf } from './protocol';

/**
 * The content script's client: the same protocol without zod, which would cost the webmail page
 * four times this script's size. Its requests are parsed by the router like any other; the
 * answers come from our own background, built from schema-checked records, and the content
 * script only shows them as text.
 */
export function createLightClient(send: (message: unknown) => Promise<unknown>) {
  return async function call<N extends RequestName>(name: N, data: RequestOf<N>): Promise<ResponseOf<N>> {
    const reply = (await send({ sidedesk: 1, name, data })) as
      { ok?: boolean; data?: unknown; error?: { code: string; message: string } } | undefined;
    if (reply?.ok === true) return reply.data as ResponseOf<N>;
    const error = reply?.error ?? { code: 'internal', message: 'No answer from Sidedesk.' };
    throw new DeskFailure({ code: error.code as DeskErrorCode, message: error.message });
  };
}
export type LightClient = ReturnType<typeof createLightClient>;
