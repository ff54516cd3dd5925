/**
 * Keeps a page's address in step with what it shows, written once the agent pauses rather than
 * on every keystroke: `history.replaceState` costs Chrome a couple of milliseconds of the main
 * thread each time, which a search typed letter by letter would otherwise pay before its rows.
 * Whatever is pending is written before the page is left, so a reload, a bookmark or Back still
 * opens what was shown.
 */
export function addressWriter(pauseMs = 150, win: Window = window): { write(address: string): void; flush(): void } {
  let pending: string | null = null;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const flush = () => {
    clearTimeout(timer);
    if (pending === null) return;
    if (pending !== win.location.href) win.history.replaceState(win.history.state, '', pending);
    pending = null;
  };
  win.addEventListener('pagehide', flush);
  return {
    write(address) {
      pending = address;
      clearTimeout(timer);
      timer = setTimeout(flush, pauseMs);
    },
    flush,
  };
}
