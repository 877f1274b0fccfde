import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export type IoStubCall = { path: string; status: number; fiscalCode: string | null };
export type IoStubMessage = { fiscal_code: string; content: { subject: string; markdown: string } };

export type IoStub = {
  /** For IO_API_URL: `${url}/profiles`, `${url}/messages`. */
  url: string;
  apiKey: string;
  /** Every request, in order, with the status answered. */
  calls: IoStubCall[];
  /** The messages accepted (201). */
  messages: IoStubMessage[];
  /** Fiscal code → sender_allowed; a code not here has no IO profile (404). */
  profiles: Map<string, boolean>;
  /** The next requests to `path` answer these statuses, in order, before it behaves again. */
  failNext(path: '/profiles' | '/messages', ...statuses: number[]): void;
  close(): Promise<void>;
};

// Written out here on purpose, not imported from lib/domain/io-message.ts: the stub is the API's contract,
// and a mistake in our own copy of the rules must not be shared by the thing that checks them.
const FISCAL_CODE = /^[A-Z]{6}[0-9LMNPQRSTUV]{2}[ABCDEHLMPRST][0-9LMNPQRSTUV]{2}[A-Z][0-9LMNPQRSTUV]{3}[A-Z]$/;
const BASE = '/api/v1';

type Answer = { status: number; body: unknown };
const problem = (status: number, title: string, detail: string): Answer => ({
  status,
  body: { status, title, detail },
});

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const onlyKeys = (o: Record<string, unknown>, keys: string[]) => Object.keys(o).every((k) => keys.includes(k));

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    let raw = '';
    req.setEncoding('utf8');
    req.on('data', (c: string) => (raw += c));
    req.on('end', () => resolve(raw));
    req.on('error', reject);
  });
}

/**
 * A local stand-in for App IO's API (IO API for Public Administration Services) that checks what the real
 * one checks: the `Ocp-Apim-Subscription-Key` header, JSON bodies of the exact shape, the fiscal code's
 * format, and the subject (10–120) and Markdown (80–10 000) lengths; 400 with a problem document otherwise.
 */
export async function startIoStub(apiKey = 'io-stub-key'): Promise<IoStub> {
  const calls: IoStubCall[] = [];
  const messages: IoStubMessage[] = [];
  const profiles = new Map<string, boolean>();
  const scripted = new Map<string, number[]>();

  const answer = (req: IncomingMessage, path: string, raw: string): Answer => {
    if (req.headers['ocp-apim-subscription-key'] !== apiKey)
      return { status: 401, body: { statusCode: 401, message: 'Access denied due to invalid subscription key.' } };
    if (req.method !== 'POST' || (path !== '/profiles' && path !== '/messages'))
      return problem(404, 'Not found', 'unknown endpoint');
    if (!String(req.headers['content-type'] ?? '').startsWith('application/json'))
      return problem(400, 'Invalid content type', 'expected application/json');
    let body: unknown;
    try {
      body = JSON.parse(raw);
    } catch {
      return problem(400, 'Invalid body', 'not JSON');
    }
    if (!isObject(body) || typeof body.fiscal_code !== 'string' || !FISCAL_CODE.test(body.fiscal_code))
      return problem(400, 'Invalid FiscalCode', 'fiscal_code is not a valid FiscalCode');
    const next = scripted.get(path)?.shift();
    if (next !== undefined) return problem(next, 'Scripted failure', `stub answered ${next}`);
    if (path === '/profiles') {
      if (!onlyKeys(body, ['fiscal_code'])) return problem(400, 'Invalid body', 'unexpected fields');
      const allowed = profiles.get(body.fiscal_code);
      if (allowed === undefined) return problem(404, 'Profile not found', 'no profile for this fiscal code');
      return { status: 200, body: { sender_allowed: allowed, preferred_languages: ['it_IT'] } };
    }
    const content = body.content;
    if (!onlyKeys(body, ['fiscal_code', 'content', 'feature_level_type']) || !isObject(content))
      return problem(400, 'Invalid NewMessage', 'content is required');
    if (!onlyKeys(content, ['subject', 'markdown']))
      return problem(400, 'Invalid MessageContent', 'unexpected fields in content');
    const { subject, markdown } = content;
    if (typeof subject !== 'string' || subject.length < 10 || subject.length > 120)
      return problem(400, 'Invalid MessageSubject', 'subject must be 10 to 120 characters');
    if (typeof markdown !== 'string' || markdown.length < 80 || markdown.length > 10_000)
      return problem(400, 'Invalid MessageBodyMarkdown', 'markdown must be 80 to 10000 characters');
    messages.push({ fiscal_code: body.fiscal_code, content: { subject, markdown } });
    return { status: 201, body: { id: `01STUB${String(messages.length).padStart(20, '0')}` } };
  };

  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    void readBody(req).then((raw) => {
      const full = (req.url ?? '').split('?')[0]!;
      const path = full.startsWith(`${BASE}/`) ? full.slice(BASE.length) : `outside ${BASE}: ${full}`;
      const a = answer(req, path, raw);
      let fiscalCode: string | null = null;
      try {
        const parsed = JSON.parse(raw) as { fiscal_code?: unknown };
        fiscalCode = typeof parsed.fiscal_code === 'string' ? parsed.fiscal_code : null;
      } catch {
        fiscalCode = null;
      }
      calls.push({ path, status: a.status, fiscalCode });
      res.writeHead(a.status, { 'content-type': 'application/json' });
      res.end(JSON.stringify(a.body));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}${BASE}`,
    apiKey,
    calls,
    messages,
    profiles,
    failNext: (path, ...statuses) => scripted.set(path, [...(scripted.get(path) ?? []), ...statuses]),
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((e) => (e ? reject(e) : resolve()));
      }),
  };
}
