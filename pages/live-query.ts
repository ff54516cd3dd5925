import { liveQuery } from 'dexie';
import { useLayoutEffect, useState } from 'preact/hooks';

/** The latest result of a Dexie query, re-run whenever the records it read change (in any
 * context of the extension). Undefined until the first result. A failed query is thrown into
 * the render, where the page's `Guard` shows it: never a page that waits forever. */
export function useLiveQuery<T>(query: () => Promise<T>, deps: unknown[]): T | undefined {
  const [value, setValue] = useState<T | undefined>(undefined);
  const [error, setError] = useState<unknown>(null);
  // Subscribed as the render that asks is committed, not after the next paint (when an effect
  // runs): the query starts at once, so a keystroke's rows come a frame sooner.
  useLayoutEffect(() => {
    const subscription = liveQuery(query).subscribe({ next: (v) => (setError(null), setValue(v)), error: setError });
    return () => subscription.unsubscribe();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, deps);
  if (error) throw error;
  return value;
}
