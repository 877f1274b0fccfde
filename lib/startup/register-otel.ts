import { metrics } from '@opentelemetry/api';
import { OTLPMetricExporter } from '@opentelemetry/exporter-metrics-otlp-http';
import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-http';
import { resourceFromAttributes } from '@opentelemetry/resources';
import { MeterProvider, PeriodicExportingMetricReader } from '@opentelemetry/sdk-metrics';
import { BatchSpanProcessor, NodeTracerProvider } from '@opentelemetry/sdk-trace-node';
import { markTracingEnabled } from '@/lib/log/telemetry';

/**
 * Loaded by instrumentation.ts only when OTEL_EXPORTER_OTLP_ENDPOINT is set: traces and metrics over
 * OTLP/HTTP (JSON) to that endpoint (/v1/traces, /v1/metrics). The exporters read the standard
 * OTEL_EXPORTER_OTLP_* variables; OTEL_BSP_SCHEDULE_DELAY sets how often spans are sent and
 * OTEL_METRIC_EXPORT_INTERVAL (ms, default 60 000) how often metrics are.
 */
export async function registerOtel(): Promise<void> {
  const resource = resourceFromAttributes({ 'service.name': process.env.OTEL_SERVICE_NAME || 'buoni-pes' });
  const tracing = new NodeTracerProvider({ resource, spanProcessors: [new BatchSpanProcessor(new OTLPTraceExporter())] });
  // Also installs the AsyncLocalStorage context manager: an action's and a statement's spans find their request's.
  tracing.register();
  const interval = Number(process.env.OTEL_METRIC_EXPORT_INTERVAL) || 60_000;
  const meters = new MeterProvider({
    resource,
    readers: [new PeriodicExportingMetricReader({ exporter: new OTLPMetricExporter(), exportIntervalMillis: interval, exportTimeoutMillis: Math.min(interval, 30_000) })],
  });
  metrics.setGlobalMeterProvider(meters);
  markTracingEnabled();
  const { observeOutbox } = await import('./observe-outbox');
  observeOutbox();
}
