// How long the background service worker's event loop was busy: a timer chain in the worker that
// records when each tick ran. A tick late by N ms means the worker's thread ran something else (or
// was not scheduled) for N ms. Timers nested this deep wait at least 4 ms, so an idle worker reads
// about 4–5 ms: that is the probe's resolution.

/** Runs in the service worker (evaluated through the DevTools protocol): the probe, once. */
function install() {
  globalThis.sidedeskBusy ??= (() => {
    const now = () => performance.timeOrigin + performance.now();
    let ticks = [];
    let timer;
    const tick = () => {
      ticks.push(now());
      timer = setTimeout(tick, 0);
    };
    return {
      start() {
        clearTimeout(timer);
        ticks = [];
        tick();
      },
      stop() {
        clearTimeout(timer);
        // The stretch that ends with this call counts too.
        ticks.push(now());
        const out = ticks;
        ticks = [];
        return out;
      },
    };
  })();
}

/** The extension's service worker in `context`. */
async function workerOf(context) {
  const [worker] = context.serviceWorkers();
  return worker ?? (await context.waitForEvent('serviceworker'));
}

/** Starts the probe in `context`'s service worker; `stop()` ends it and gives the tick times (the
 * page clock's: `performance.timeOrigin + performance.now()`, ms). */
export async function startBusyProbe(context) {
  const worker = await workerOf(context);
  await worker.evaluate(install);
  await worker.evaluate(() => globalThis.sidedeskBusy.start());
  return {
    stop: async () => {
      const ticks = await worker.evaluate(() => globalThis.sidedeskBusy.stop());
      if (ticks.length < 2) throw new Error('the busy probe saw no ticks: was the worker restarted?');
      return ticks;
    },
  };
}

/** The longest stretch between two ticks that overlaps `[from, to]` (same clock), in ms. */
export function longestBusy(ticks, [from, to]) {
  let longest = 0;
  for (let i = 1; i < ticks.length; i++) {
    if (ticks[i] > from && ticks[i - 1] < to) longest = Math.max(longest, ticks[i] - ticks[i - 1]);
  }
  return longest;
}
