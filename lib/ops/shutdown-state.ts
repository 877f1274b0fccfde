/**
 * Whether this process is shutting down, and the background work (outbox runs) it must wait for.
 * Next bundles instrumentation, route handlers and server actions separately, so a module-level
 * variable would exist once per bundle: the state lives on globalThis under a registry symbol.
 */
type State = { shuttingDown: boolean; work: Set<Promise<unknown>> };

const KEY = Symbol.for('bsp.shutdownState');

function state(): State {
  const g = globalThis as unknown as { [KEY]?: State };
  g[KEY] ??= { shuttingDown: false, work: new Set() };
  return g[KEY];
}

export function isShuttingDown(): boolean {
  return state().shuttingDown;
}

export function beginShutdown(): void {
  state().shuttingDown = true;
}

/** Registers background work that the shutdown waits for before closing the database. */
export function trackWork<T>(work: Promise<T>): Promise<T> {
  const s = state();
  s.work.add(work);
  const done = () => s.work.delete(work);
  work.then(done, done);
  return work;
}

/** Settles when every tracked piece of work has (failures included). */
export async function workSettled(): Promise<void> {
  while (state().work.size) await Promise.allSettled([...state().work]);
}

/** Tests only: a fresh, running state. */
export function resetShutdownState(): void {
  const g = globalThis as unknown as { [KEY]?: State };
  delete g[KEY];
}
