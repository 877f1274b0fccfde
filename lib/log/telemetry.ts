import { metrics, SpanKind, SpanStatusCode, trace, type Attributes, type Counter, type Span } from '@opentelemetry/api';

/**
 * Spans and counters through @opentelemetry/api only: without OTEL_EXPORTER_OTLP_ENDPOINT no SDK is loaded
 * (lib/startup/register-otel.ts) and these are the API's no-ops. Attributes carry ids, codes and statement
 * text, never personal data or parameter values.
 */
const SCOPE = 'buoni-pes';

const ENABLED = Symbol.for('bsp.tracingEnabled');

/** Set by lib/startup/register-otel.ts once the SDK is registered. */
export function markTracingEnabled(): void {
  (globalThis as unknown as { [ENABLED]?: true })[ENABLED] = true;
}

export function tracingEnabled(): boolean {
  return (globalThis as unknown as { [ENABLED]?: true })[ENABLED] === true;
}

export function tracer() {
  return trace.getTracer(SCOPE);
}

// Instruments made before the SDK registered its provider would stay no-ops: made again when the provider changes.
let made: { provider: unknown; counters: Map<string, Counter> } = { provider: null, counters: new Map() };

export function count(name: string, attributes: Attributes = {}, description?: string): void {
  const provider = metrics.getMeterProvider();
  if (made.provider !== provider) made = { provider, counters: new Map() };
  let c = made.counters.get(name);
  if (!c) {
    c = metrics.getMeter(SCOPE).createCounter(name, description ? { description } : undefined);
    made.counters.set(name, c);
  }
  c.add(1, attributes);
}

export async function inSpan<T>(name: string, attributes: Attributes, f: (span: Span) => Promise<T>): Promise<T> {
  return tracer().startActiveSpan(name, { attributes }, async (span) => {
    try {
      return await f(span);
    } catch (e) {
      span.setStatus({ code: SpanStatusCode.ERROR, message: e instanceof Error ? e.name : 'error' });
      throw e;
    } finally {
      span.end();
    }
  });
}

/** Drizzle's query logger as a span per statement: the text with its $1 … placeholders, never the parameters. */
export const sqlSpanLogger = {
  logQuery(query: string): void {
    const verb = /^\s*(\w+)/.exec(query)?.[1]?.toUpperCase() ?? 'SQL';
    tracer()
      .startSpan(`sql ${verb}`, {
        kind: SpanKind.CLIENT,
        attributes: {
          'db.system.name': 'postgresql',
          'db.operation.name': verb,
          'db.query.text': query.slice(0, 4000),
        },
      })
      .end();
  },
};

export function countSignInFailure(reason: string): void {
  count('bsp.signin.failures', { reason }, 'Accessi non riusciti, per motivo');
}

export function countNotificationAbandoned(channel: string): void {
  count('bsp.notifications.abandoned', { channel }, 'Notifiche abbandonate dopo l’ultimo tentativo');
}
