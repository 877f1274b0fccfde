import { createRequire } from 'node:module';
import path from 'node:path';
import pino, { type DestinationStream, type Logger } from 'pino';
import { currentRequest } from './request-context';

/**
 * Keys whose values never reach a log line, at the top level and one level down: personal data
 * (codice fiscale, e-mail, phone) and secrets (password, OTP, token, cookie). Call sites pass ids and
 * codes only; this is the net under them.
 */
export const REDACTED_KEYS = [
  'password',
  'newPassword',
  'currentPassword',
  'confirmPassword',
  'codiceFiscale',
  'cf',
  'taxCode',
  'email',
  'phone',
  'mobile',
  'recipient',
  'otp',
  'code',
  'totp',
  'token',
  'secret',
  'secrets',
  'authorization',
  'cookie',
  'textBody',
  'htmlBody',
] as const;
export const REDACT_PATHS = REDACTED_KEYS.flatMap((k) => [k, `*.${k}`]);

const LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'];

/** LOG_LEVEL when valid; otherwise info, and silent in vitest's own process (tests read results, not logs). */
export function logLevel(env: NodeJS.ProcessEnv = process.env): string {
  const asked = (env.LOG_LEVEL ?? '').trim().toLowerCase();
  if (LEVELS.includes(asked)) return asked;
  // A server started by the browser tests inherits VITEST: it logs (NEXT_RUNTIME is set only inside Next).
  return env.VITEST && !env.NEXT_RUNTIME ? 'silent' : 'info';
}

type Options = { level?: string; destination?: DestinationStream; pretty?: boolean };

export function createLogger(opts: Options = {}): Logger {
  const options = {
    level: opts.level ?? logLevel(),
    base: { pid: process.pid },
    timestamp: pino.stdTimeFunctions.isoTime,
    formatters: { level: (label: string) => ({ level: label }) },
    redact: { paths: REDACT_PATHS, censor: '[redatto]' },
    // Every line written while a request is served carries its id (lib/log/request-log.ts).
    mixin: () => {
      const ctx = currentRequest();
      return ctx ? { requestId: ctx.requestId } : {};
    },
  };
  if (opts.destination) return pino(options, opts.destination);
  const pretty = opts.pretty ?? process.env.NODE_ENV === 'development';
  if (pretty) {
    // Synchronous, in this thread: pino's transports run in worker threads, which Next's bundler breaks.
    // Resolved from the project at run time, so the production build never needs this devDependency.
    try {
      const prettyStream = createRequire(path.join(process.cwd(), 'package.json'))('pino-pretty') as (
        o: object,
      ) => DestinationStream;
      return pino(options, prettyStream({ sync: true, ignore: 'pid' }));
    } catch {
      /* pino-pretty not installed: plain JSON lines */
    }
  }
  return pino(options);
}

const KEY = Symbol.for('bsp.logger');

/** The one logger of the process (shared by Next's bundles). */
export const log: Logger = ((globalThis as unknown as { [KEY]?: Logger })[KEY] ??= createLogger());
