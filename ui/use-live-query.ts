import { liveQuery } from 'dexie';
import { useEffect, useState } from 'preact/hooks';

/** The latest result of a Dexie query, re-run whenever the records it read change (in any
 * context of the extension). Undefined until the first result. */
export function useLiveQuery<T>(query: () => Promise<T>, deps: unknown[]): T | undefined {
  const [value, setValue] = useState<T | undefined>(undefined);
  useEffect(() => {
    const subscription = liveQuery(query).subscribe({ next: setValue, error: (e) => console.error('Sidedesk query failed', e) });
    return () => subscription.unsubscribe();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, deps);
  return value;
}
