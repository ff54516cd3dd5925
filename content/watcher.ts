/**
 * One MutationObserver on the reader's narrow watch target (Gmail's main area, Outlook's reading
 * pane...), moved when the page replaces that element. No observer on the whole document.
 */
export function createWatcher(target: () => Element | null, onChange: () => void) {
  let observed: Element | null = null;
  const observer = new MutationObserver(onChange);
  return {
    /** Attaches to the current target if it changed; cheap enough to call after every read. */
    sync() {
      const next = target();
      if (next === observed) return;
      observer.disconnect();
      observed = next;
      if (next) observer.observe(next, { childList: true, subtree: true });
    },
    /** Drops the changes seen so far and not yet delivered: the caller's own writes to the page. */
    forget() {
      observer.takeRecords();
    },
    stop() {
      observer.disconnect();
      observed = null;
    },
  };
}
