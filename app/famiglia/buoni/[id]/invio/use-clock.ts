'use client';
import { useMemo, useSyncExternalStore } from 'react';

function subscribe(onChange: () => void) {
  const id = setInterval(onChange, 1000);
  return () => clearInterval(id);
}
const nowSeconds = () => Math.floor(Date.now() / 1000);

/**
 * Seconds until `untilIso` by the server's clock, ticking once a second after hydration; null on
 * the server and before hydration (the page then shows the absolute time instead).
 */
export function useSecondsUntil(untilIso: string | null, serverNowIso: string): number | null {
  const clientNow = useSyncExternalStore(subscribe, nowSeconds, () => null);
  // The device clock may be wrong: measure its offset from the server when the status arrives.
  // eslint-disable-next-line react-hooks/purity -- read once per server answer, on purpose
  const offset = useMemo(() => Date.parse(serverNowIso) / 1000 - Date.now() / 1000, [serverNowIso]);
  if (clientNow === null || !untilIso) return null;
  return Math.max(0, Math.ceil(Date.parse(untilIso) / 1000 - (clientNow + offset)));
}
