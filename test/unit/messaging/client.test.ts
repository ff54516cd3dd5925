import { describe, expect, it } from 'vitest';
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
