import type http from 'node:http';

const CALLBACKS = Symbol.for('bsp.responseCloseCallbacks');
type WithCallbacks = http.ServerResponse & { [CALLBACKS]?: (() => void)[] };

/**
 * Runs `fn` when the response closes, through one `close` listener per response shared by the request log, the
 * in-flight count and the admission gate: Next adds about eight of its own to a server action's response, and
 * Node warns past ten (MaxListenersExceededWarning on every such request). The callbacks run in the order they
 * were added; one that throws does not stop the others, and the first error is rethrown after them all.
 */
export function onResponseClose(res: http.ServerResponse, fn: () => void): void {
  const r = res as WithCallbacks;
  let callbacks = r[CALLBACKS];
  if (!callbacks) {
    const list: (() => void)[] = [];
    callbacks = r[CALLBACKS] = list;
    res.once('close', () => {
      let failure: { error: unknown } | null = null;
      for (const f of list) {
        try {
          f();
        } catch (error) {
          failure ??= { error };
        }
      }
      if (failure) throw failure.error;
    });
  }
  callbacks.push(fn);
}
