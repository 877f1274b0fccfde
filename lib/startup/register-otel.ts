import { metrics } from '@opentelemetry/api';
import { OTLPMetricExporter } from '@opentelemetry/exporter-metrics-otlp-http';
import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-http';
import { resourceFromAttributes } from '@opentelemetry/resources';
import { MeterProvider, PeriodicExportingMetricReader } from '@opentelemetry/sdk-metrics';
import {
  BatchSpanProcessor,
  NodeTracerProvider,
  type ReadableSpan,
  type SpanProcessor,
} from '@opentelemetry/sdk-trace-node';
import { routeOf } from '@/lib/log/route-of';
import { markTracingEnabled } from '@/lib/log/telemetry';

/**
 * Loaded by instrumentation.ts only when OTEL_EXPORTER_OTLP_ENDPOINT is set: traces and metrics over
 * OTLP/HTTP (JSON) to that endpoint (/v1/traces, /v1/metrics). The exporters read the standard
 * OTEL_EXPORTER_OTLP_* variables; OTEL_BSP_SCHEDULE_DELAY sets how often spans are sent and
 * OTEL_METRIC_EXPORT_INTERVAL (ms, default 60 000) how often metrics are.
 */
export async function registerOtel(): Promise<void> {
  const resource = resourceFromAttributes({ 'service.name': process.env.OTEL_SERVICE_NAME || 'buoni-pes' });
  const tracing = new NodeTracerProvider({
    resource,
    spanProcessors: [withoutQueries(new BatchSpanProcessor(new OTLPTraceExporter()))],
  });
  // Also installs the AsyncLocalStorage context manager: an action's and a statement's spans find their request's.
  tracing.register();
  const interval = Number(process.env.OTEL_METRIC_EXPORT_INTERVAL) || 60_000;
  const meters = new MeterProvider({
    resource,
    readers: [
      new PeriodicExportingMetricReader({
        exporter: new OTLPMetricExporter(),
        exportIntervalMillis: interval,
        exportTimeoutMillis: Math.min(interval, 30_000),
      }),
    ],
  });
  metrics.setGlobalMeterProvider(meters);
  markTracingEnabled();
  const { observeOutbox } = await import('./observe-outbox');
  observeOutbox();
}

const URL_KEYS = ['http.target', 'http.url', 'url.full', 'url.path', 'url.query'];

/**
 * Next's own spans carry the request's full path and query (a password-reset link's token is in its query):
 * they leave the process as routes, like the log lines (lib/log/route-of.ts).
 */
function withoutQueries(inner: SpanProcessor): SpanProcessor {
  return {
    onStart: (span, ctx) => inner.onStart(span, ctx),
    onEnd(span: ReadableSpan) {
      const attributes = span.attributes as Record<string, unknown>;
      for (const key of URL_KEYS) {
        const v = attributes[key];
        if (typeof v === 'string')
          attributes[key] = key === 'url.query' ? '' : routeOf(v.replace(/^[a-z]+:\/\/[^/]+/i, ''));
      }
      inner.onEnd(span);
    },
    forceFlush: () => inner.forceFlush(),
    shutdown: () => inner.shutdown(),
  };
}
