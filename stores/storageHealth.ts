import { useEffect, useState } from 'preact/hooks';
import { watchStorageFull, type StorageFull } from '../platform/storageHealth';

/** The background's "storage is full" report, kept current. */
export function useStorageFull(): StorageFull | null {
  const [full, setFull] = useState<StorageFull | null>(null);
  useEffect(() => watchStorageFull(setFull), []);
  return full;
}
