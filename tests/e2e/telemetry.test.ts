import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { e2eEnabled, useApp } from './support/app-fixture';
import { login, newPage } from './support/browser';
import { ANNA, openVoucher } from './support/journeys';

/*
 * Issue 17, item 6: with OTEL_EXPORTER_OTLP_ENDPOINT set the app sends its spans and metrics over OTLP/HTTP
 * (JSON). A tiny receiver on 127.0.0.1 collects what arrives.
 */
type AnyValue = { stringValue?: string; intValue?: string | number; boolValue?: boolean; doubleValue?: number };
type KeyValue = { key: string; value: AnyValue };
type OtlpSpan = { name: string; attributes?: KeyValue[] };
type DataPoint = { attributes?: KeyValue[]; asInt?: string | number; asDouble?: number };
type OtlpMetric = { name: string; sum?: { dataPoints: DataPoint[] }; gauge?: { dataPoints: DataPoint[] } };

const received = { spans: [] as OtlpSpan[], metrics: [] as OtlpMetric[] };
let receiver: Server;
let port = 0;

const receiverReady = new Promise<void>((resolve) => {
  receiver = createServer((req, res) => {
    let body = '';
    req.on('data', (d: Buffer) => (body += d.toString()));
    req.on('end', () => {
      try {
        const json = JSON.parse(body);
        if (req.url === '/v1/traces')
          for (const rs of json.resourceSpans ?? [])
            for (const ss of rs.scopeSpans ?? []) received.spans.push(...(ss.spans ?? []));
        if (req.url === '/v1/metrics')
          for (const rm of json.resourceMetrics ?? [])
            for (const sm of rm.scopeMetrics ?? []) received.metrics.push(...(sm.metrics ?? []));
      } catch {
        /* not JSON: the assertions below find nothing */
      }
      res.writeHead(200, { 'content-type': 'application/json' }).end('{}');
    });
  });
  receiver.listen(0, '127.0.0.1', () => {
    port = (receiver.address() as AddressInfo).port;
    resolve();
  });
});

const attr = (kv: KeyValue[] | undefined, key: string) => {
  const v = kv?.find((a) => a.key === key)?.value;
  return v?.stringValue ?? v?.intValue ?? v?.boolValue ?? v?.doubleValue;
};
const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

describe.skipIf(!e2eEnabled)('OpenTelemetry over OTLP/HTTP', () => {
  const env: Record<string, string> = {
    OTEL_EXPORTER_OTLP_PROTOCOL: 'http/json',
    OTEL_BSP_SCHEDULE_DELAY: '200',
    OTEL_METRIC_EXPORT_INTERVAL: '1000',
  };
  // Before useApp's own beforeAll starts the app: the receiver's port goes into its environment.
  beforeAll(async () => {
    await receiverReady;
    env.OTEL_EXPORTER_OTLP_ENDPOINT = `http://127.0.0.1:${port}`;
  });
  const { app, browser } = useApp(env);
  afterAll(() => new Promise<void>((r) => receiver.close(() => r())));

  it('a failed and a good sign-in and a voucher page: request spans with the request id, SQL spans without parameters, the metrics', async () => {
    const base = app().baseUrl;
    const { context, page } = await newPage(browser());
    await page.goto(`${base}/login`);
    await page.getByLabel('Codice fiscale (username)').fill(ANNA);
    await page.getByLabel('Password', { exact: true }).fill('non-la-password-giusta');
    await page.getByRole('button', { name: 'Accedi' }).click();
    await page
      .getByText(/non (sono )?corrett/i)
      .first()
      .waitFor();
    await login(page, base, ANNA);
    await openVoucher(page, 'BS-2020-0001');
    const voucherId = /\/famiglia\/buoni\/([0-9a-f-]{36})/.exec(page.url())?.[1];
    expect(voucherId).toBeTruthy();
    await context.close();

    await expect
      .poll(
        () =>
          received.spans.some(
            (s) => s.name === 'GET /famiglia/buoni/:id' && uuid.test(String(attr(s.attributes, 'bsp.request_id'))),
          ),
        { timeout: 30_000 },
      )
      .toBe(true);
    const sql = received.spans.filter((s) => s.name.startsWith('sql '));
    expect(
      sql.some(
        (s) =>
          /select/i.test(String(attr(s.attributes, 'db.query.text'))) &&
          String(attr(s.attributes, 'db.query.text')).includes('$1'),
      ),
    ).toBe(true);
    // The statements ran with Anna's codice fiscale and the voucher's id as parameters: neither is in an SQL span,
    // the codice fiscale in no span at all, and no span carries a query string (a reset link's token is in one).
    expect(JSON.stringify(sql).includes(voucherId!)).toBe(false);
    expect(JSON.stringify(received.spans).includes(ANNA)).toBe(false);
    expect(received.spans.some((s) => /\?/.test(String(attr(s.attributes, 'http.target') ?? '')))).toBe(false);

    const points = (name: string) =>
      received.metrics.filter((m) => m.name === name).flatMap((m) => m.sum?.dataPoints ?? m.gauge?.dataPoints ?? []);
    await expect
      .poll(
        () =>
          points('bsp.http.requests').some(
            (p) =>
              attr(p.attributes, 'route') === '/famiglia/buoni/:id' && Number(attr(p.attributes, 'status')) === 200,
          ),
        { timeout: 30_000 },
      )
      .toBe(true);
    await expect
      .poll(() => points('bsp.signin.failures').some((p) => attr(p.attributes, 'reason') === 'invalid'), {
        timeout: 30_000,
      })
      .toBe(true);
    await expect.poll(() => points('bsp.outbox.backlog').length, { timeout: 30_000 }).toBeGreaterThan(0);
  });
});
