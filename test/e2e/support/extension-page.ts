/**
 * What a test does from inside an extension page: send protocol messages as the UI would, and
 * read the browser's own IndexedDB. The functions run in the page (serialised by the driver), so
 * they use only what an extension page has.
 */

/** A Playwright or Puppeteer page; their `evaluate` signatures differ only in generics. */
export interface Evaluator {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  evaluate(fn: (arg: any) => unknown, arg: any): Promise<any>;
}

export type Reply<T = unknown> = { ok: true; data: T } | { ok: false; error: { code: string; message: string } };

/** Sends one protocol request from the page. A dropped channel becomes a reply with code
 * `dropped`: Chrome rejects, or (when the worker is stopped mid-answer) resolves with nothing. */
export function send<T = any>(page: Evaluator, name: string, data: unknown): Promise<Reply<T>> {
  return page.evaluate(
    async ([name, data]: [string, unknown]) => {
      const api = (globalThis as any).browser ?? (globalThis as any).chrome;
      try {
        const reply = await api.runtime.sendMessage({ sidedesk: 1, name, data });
        return reply ?? { ok: false, error: { code: 'dropped', message: 'no answer' } };
      } catch (e) {
        return { ok: false, error: { code: 'dropped', message: String((e as Error)?.message ?? e) } };
      }
    },
    [name, data] as [string, unknown],
  ) as Promise<Reply<T>>;
}

/** Presses what the browser would and a test cannot: a context-menu item or a keyboard shortcut.
 * Only the `--mode e2e` builds answer (see `background/e2e-hooks.ts`). */
export function press(page: Evaluator, hook: Record<string, unknown>): Promise<any> {
  return page.evaluate(
    (h: Record<string, unknown>) => ((globalThis as any).browser ?? (globalThis as any).chrome).runtime.sendMessage(h),
    hook,
  );
}

/** Every record of one object store of the extension's database. */
export function readTable<T = any>(page: Evaluator, table: string): Promise<T[]> {
  return page.evaluate(
    (table: string) =>
      new Promise<T[]>((resolve, reject) => {
        const open = indexedDB.open('sidedesk');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          if (!db.objectStoreNames.contains(table)) return (db.close(), resolve([]));
          const request = db.transaction(table, 'readonly').objectStore(table).getAll();
          request.onsuccess = () => (db.close(), resolve(request.result as T[]));
          request.onerror = () => (db.close(), reject(request.error));
        };
      }),
    table,
  );
}

let counter = 0;
export function requestId(prefix = 'e2e'): string {
  return `${prefix}-${Date.now().toString(36)}-${++counter}`;
}

/** Polls `read` until `done` holds (for setup code, where `expect.poll` is not available). */
export async function waitUntil<T>(read: () => Promise<T>, done: (value: T) => boolean, timeoutMs = 10_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (done(value)) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting; last value ${JSON.stringify(value)}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}
