// The JS heap a context holds on to: used bytes after a garbage collection (CDP
// HeapProfiler.collectGarbage, then Runtime.getHeapUsage), of a page through its own CDP session,
// and of the extension's service worker through a session a page attaches to the worker's target
// (Playwright gives CDP sessions to pages only).
import { median } from './stats.mjs';

const SAMPLES = 3;

/** Median of SAMPLES readings, each right after a collection. `send(method)` speaks to the target. */
async function heldHeap(send) {
  const used = [];
  for (let i = 0; i < SAMPLES; i++) {
    await send('HeapProfiler.collectGarbage');
    used.push((await send('Runtime.getHeapUsage')).usedSize);
  }
  return median(used);
}

/** The heap `page` holds on to, in bytes. */
export async function pageHeap(context, page) {
  const cdp = await context.newCDPSession(page);
  try {
    return await heldHeap((method) => cdp.send(method));
  } finally {
    await cdp.detach();
  }
}

/** The heap the extension's service worker holds on to, in bytes, through `page`'s session. */
export async function workerHeap(context, page) {
  const cdp = await context.newCDPSession(page);
  try {
    const { targetInfos } = await cdp.send('Target.getTargets');
    const worker = targetInfos.find((t) => t.type === 'service_worker' && t.url.startsWith('chrome-extension://'));
    if (!worker) throw new Error('no service worker is running');
    // Not flattened: the worker's answers come back as events on this session.
    const { sessionId } = await cdp.send('Target.attachToTarget', { targetId: worker.targetId, flatten: false });
    const waiting = new Map();
    let id = 0;
    cdp.on('Target.receivedMessageFromTarget', (event) => {
      if (event.sessionId !== sessionId) return;
      const message = JSON.parse(event.message);
      const pending = waiting.get(message.id);
      if (!pending) return;
      waiting.delete(message.id);
      if (message.error) pending.reject(new Error(`${message.error.message} (worker)`));
      else pending.resolve(message.result);
    });
    const send = (method) =>
      new Promise((resolve, reject) => {
        waiting.set(++id, { resolve, reject });
        cdp.send('Target.sendMessageToTarget', { sessionId, message: JSON.stringify({ id, method }) }).catch(reject);
      });
    const bytes = await heldHeap(send);
    await cdp.send('Target.detachFromTarget', { sessionId });
    return bytes;
  } finally {
    await cdp.detach();
  }
}

export const mb = (bytes) => `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
