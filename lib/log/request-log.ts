import { randomUUID } from 'node:crypto';
import http from 'node:http';
import { context, SpanKind, trace } from '@opentelemetry/api';
import { log } from './logger';
import { runInRequest, type RequestContext } from './request-context';
import { routeOf } from './route-of';
import { count, tracer, tracingEnabled } from './telemetry';
import { onResponseClose } from '@/lib/http/on-response-close';

const INSTALLED = Symbol.for('bsp.requestLogHook');

/**
 * One JSON line and one count per request, made around Next's handler (installed from instrumentation.ts
 * before the first request): route, method, status, duration, outcome, and the request id that every
 * other line of the request carries too (request-context.ts). Static assets are counted, not logged;
 * the probes log at debug.
 */
export function installRequestLog(): void {
  const proto = http.Server.prototype as unknown as {
    emit: (event: string, ...args: unknown[]) => boolean;
    [INSTALLED]?: true;
  };
  if (proto[INSTALLED]) return;
  proto[INSTALLED] = true;
  const emit = proto.emit;
  proto.emit = function (this: http.Server, event: string, ...args: unknown[]) {
    if (event !== 'request') return emit.call(this, event, ...args);
    const [req, res] = args as [http.IncomingMessage, http.ServerResponse];
    const ctx: RequestContext = { requestId: randomUUID() };
    const started = performance.now();
    // With tracing on, a span of our own holds the request id; Next's request span and all below it are its children.
    const span = tracingEnabled()
      ? tracer().startSpan(`${req.method} ${routeOf(req.url)}`, {
          kind: SpanKind.SERVER,
          attributes: {
            'bsp.request_id': ctx.requestId,
            'http.request.method': req.method ?? '',
            'url.path': routeOf(req.url),
          },
        })
      : null;
    onResponseClose(res, () => {
      const status = res.statusCode;
      const route = routeOf(req.url);
      span?.setAttributes({
        'http.response.status_code': status,
        'bsp.request_id': ctx.requestId,
        ...(ctx.role ? { 'bsp.role': ctx.role } : {}),
      });
      span?.end();
      count(
        'bsp.http.requests',
        { route: status === 404 ? '(non trovata)' : route, method: req.method ?? '', status },
        'Richieste HTTP per percorso e stato',
      );
      if (route === '/_next/*' || route === '/favicon.ico') return;
      const outcome = !res.writableFinished ? 'aborted' : status >= 500 ? 'error' : 'ok';
      const line = {
        requestId: ctx.requestId,
        route,
        method: req.method,
        status,
        role: ctx.role ?? null,
        durationMs: Math.round(performance.now() - started),
        outcome,
      };
      if (route.startsWith('/api/health') || route.startsWith('/api/ready')) log.debug(line, 'request');
      else if (status >= 500) log.error(line, 'request');
      else log.info(line, 'request');
    });
    const handle = () => runInRequest(ctx, () => emit.call(this, event, ...args));
    return span ? context.with(trace.setSpan(context.active(), span), handle) : handle();
  };
}
