import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';

export type FakeResend = {
  /** For RESEND_BASE_URL: the `resend` client posts to `${url}/emails`. */
  url: string;
  /**
   * Each Idempotency-Key posted, with the path before /emails of every POST that carried it (`/a` for a
   * client whose RESEND_BASE_URL is `${url}/a`): how many times it reached the provider, and from which client.
   */
  deliveries: Map<string, string[]>;
  /** Posts that carried no Idempotency-Key. */
  keyless: () => number;
  close: () => Promise<void>;
};

async function drain(req: IncomingMessage): Promise<void> {
  for await (const chunk of req) void chunk;
}

/**
 * A mail provider that accepts every e-mail and records its Idempotency-Key, answering as Resend's API does,
 * after `delayMs` (no provider is instant: a slower one keeps a dispatcher's batch open longer).
 */
export async function startFakeResend(opts: { delayMs?: number } = {}): Promise<FakeResend> {
  const deliveries = new Map<string, string[]>();
  let keyless = 0;
  let n = 0;
  const answer = (req: IncomingMessage) => {
    const path = (req.url ?? '').split('?')[0]!;
    if (req.method !== 'POST' || !path.endsWith('/emails'))
      return { status: 404, body: { name: 'not_found', message: 'fake resend: unknown endpoint', statusCode: 404 } };
    const key = req.headers['idempotency-key'];
    if (typeof key === 'string' && key)
      deliveries.set(key, [...(deliveries.get(key) ?? []), path.slice(0, -'/emails'.length)]);
    else keyless++;
    return { status: 200, body: { id: `fake-${++n}` } };
  };
  const server = createServer((req, res) => {
    void drain(req)
      .then(() => new Promise((r) => setTimeout(r, opts.delayMs ?? 0)))
      .then(() => {
        const { status, body } = answer(req);
        res.writeHead(status, { 'content-type': 'application/json' });
        res.end(JSON.stringify(body));
      });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    deliveries,
    keyless: () => keyless,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
