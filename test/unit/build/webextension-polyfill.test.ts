import { afterEach, describe, expect, it, vi } from 'vitest';

describe('the webextension-polyfill shim every bundle imports', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
    vi.resetModules();
  });

  it("is the browser's own `browser` where it has one, the very object, without evaluating the polyfill", async () => {
    // Every read of a namespace counted: the shim must not walk the object (the ESM interop copy
    // did, and each read instantiates an extension API in the browser).
    const reads: string[] = [];
    const own = new Proxy({ runtime: { id: 'sidedesk' }, i18n: {}, storage: {} } as Record<string, unknown>, {
      get: (target, key) => (reads.push(String(key)), target[key as string]),
      getOwnPropertyDescriptor: (target, key) => (reads.push(`descriptor:${String(key)}`), Reflect.getOwnPropertyDescriptor(target, key)),
      ownKeys: (target) => (reads.push('ownKeys'), Reflect.ownKeys(target)),
    });
    vi.stubGlobal('browser', own);
    const { default: api } = await import('@/build/webextension-polyfill');
    expect(api).toBe(own);
    expect(reads).toEqual(['runtime']);
  });

  it('falls back to the polyfill where the browser has no `browser` of its own', async () => {
    vi.stubGlobal('browser', undefined);
    // Outside an extension the polyfill throws its own error: proof that it was the one loaded.
    await expect(import('@/build/webextension-polyfill')).rejects.toThrow('This script should only be loaded in a browser extension.');
  });
});
