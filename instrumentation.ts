/** Once per server process; everything Node-only lives in lib/startup/register-node.ts. */
export async function register() {
  if (process.env.NEXT_RUNTIME !== 'nodejs') return;
  // No endpoint, no SDK: not even imported (lib/log/telemetry.ts then uses the API's no-ops).
  if (process.env.OTEL_EXPORTER_OTLP_ENDPOINT) {
    const { registerOtel } = await import('./lib/startup/register-otel');
    await registerOtel();
  }
  const { registerNode } = await import('./lib/startup/register-node');
  await registerNode();
}
