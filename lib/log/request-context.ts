import { AsyncLocalStorage } from 'node:async_hooks';

export type RequestContext = { requestId: string; role?: string };

// On globalThis: Next loads this module once per bundle (instrumentation, pages, actions), and they must share one store.
const KEY = Symbol.for('bsp.requestContext');

function store(): AsyncLocalStorage<RequestContext> {
  const g = globalThis as unknown as { [KEY]?: AsyncLocalStorage<RequestContext> };
  g[KEY] ??= new AsyncLocalStorage<RequestContext>();
  return g[KEY];
}

export function runInRequest<T>(ctx: RequestContext, f: () => T): T {
  return store().run(ctx, f);
}

export function currentRequest(): RequestContext | undefined {
  return store().getStore();
}

/**
 * The audit log carries the request id that currentActor() made; once an action knows it, the request's
 * log line and spans carry the same one, so an operator goes from an audit row to the logs in one search.
 */
export function adoptRequestIdentity(requestId: string | null | undefined, role: string | undefined): void {
  const ctx = currentRequest();
  if (!ctx) return;
  if (requestId) ctx.requestId = requestId;
  if (role) ctx.role = role;
}
