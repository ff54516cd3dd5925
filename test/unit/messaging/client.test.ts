import { describe, expect, it, vi } from 'vitest';
import { DeskFailure } from '@/domain';
import { createClient } from '@/messaging/client';
import { createLightClient } from '@/messaging/light-client';

describe('clients when the worker was stopped mid-answer', () => {
  it.each([
    ['the validating client', (send: () => Promise<unknown>) => createClient(send)],
    ['the content script client', (send: () => Promise<unknown>) => createLightClient(send)],
  ])('%s turns an empty answer into a failure the caller can retry', async (_name, make) => {
    const call = make(async () => undefined);
    await expect(call('getSettings', {})).rejects.toBeInstanceOf(DeskFailure);
    await expect(call('getSettings', {})).rejects.toMatchObject({ error: { code: 'internal' } });
  });
});

describe('what a page shows of an answer it cannot read', () => {
  it('one sentence, never the schema issues', async () => {
    const logged = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const call = createClient(async () => ({ ok: true, data: { displayedProperties: 'not a list' } }));
    const failure = await call('getSettings', {}).catch((e: DeskFailure) => e);
    expect(failure).toBeInstanceOf(DeskFailure);
    expect((failure as DeskFailure).error.message).toBe('The answer could not be read; reload the page to see what was stored.');
    expect(logged).toHaveBeenCalled();
    logged.mockRestore();
  });
});
