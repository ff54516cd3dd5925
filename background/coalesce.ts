/**
 * Runs `task` after a burst of calls once, not once per call: a call while it runs asks for one
 * more run when it ends (never two at a time, never a change missed). A bulk action of a thousand
 * commands recounts the badge and tells the tabs a few times, not a thousand.
 */
export function coalesce(task: () => Promise<unknown>): () => Promise<void> {
  let running: Promise<void> | null = null;
  let again = false;
  const loop = async () => {
    do {
      again = false;
      try {
        await task();
      } catch (error) {
        console.error('Sidedesk: a follow-up task failed', error);
      }
    } while (again);
    running = null;
  };
  return () => {
    if (running) {
      again = true;
      return running;
    }
    running = loop();
    return running;
  };
}
