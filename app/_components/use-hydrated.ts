'use client';
import { useSyncExternalStore } from 'react';

const noop = () => () => {};

/** False in the server HTML and until React has hydrated: controls that need JavaScript stay disabled until then. */
export function useHydrated(): boolean {
  return useSyncExternalStore(
    noop,
    () => true,
    () => false,
  );
}
