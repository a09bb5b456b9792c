import { liveQuery } from 'dexie';
import { useEffect, useState } from 'preact/hooks';

/**
 * The result of a Dexie query, kept current as the background writes.
 * `undefined` while the first result is on its way. With `keepPrevious`, a
 * change of `deps` keeps showing the last result until the new one arrives
 * (a longer page of the same list should not blank the list first).
 */
export function useLiveQuery<T>(query: () => Promise<T>, deps: unknown[], { keepPrevious = false } = {}): T | undefined {
  const [value, setValue] = useState<T | undefined>(undefined);
  useEffect(() => {
    if (!keepPrevious) setValue(undefined);
    const subscription = liveQuery(query).subscribe({
      next: setValue,
      error: (error: unknown) => console.error('Privacy Ledger: live query failed', error),
    });
    return () => subscription.unsubscribe();
  }, deps);
  return value;
}
