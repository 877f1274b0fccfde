import { expect } from 'vitest';

/** The demo families (db/seed/demo-data.ts): codici fiscali, e-mails, mobiles. */
export const DEMO_FAMILY_PERSONAL_DATA = [
  'RSSNNA85M41L378F',
  'BNCGLI90C55L378U',
  'VRDMRT82S60L378B',
  'anna.rossi@example.it',
  'giulia.bianchi@example.it',
  'marta.verdi@example.it',
  '3470000001',
  '3470000002',
  '3470000003',
];

/**
 * The server's whole output (stdout and stderr) names no demo family and carries none of the codes sent
 * during the journey, and it is JSON lines with request ids: a line per request and per server action.
 */
export function expectPrivateStructuredLogs(output: string, otps: string[]): void {
  expect(otps.length, 'the journey read its codes from /dev/outbox').toBeGreaterThan(0);
  for (const s of DEMO_FAMILY_PERSONAL_DATA) expect(output.includes(s), `server output contains ${s}`).toBe(false);
  for (const otp of otps)
    expect(new RegExp(`\\b${otp}\\b`).test(output), `server output contains the OTP ${otp}`).toBe(false);
  const lines = output
    .split('\n')
    .filter((l) => l.startsWith('{'))
    .map((l) => JSON.parse(l) as Record<string, unknown>);
  const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
  expect(
    lines.some(
      (l) =>
        l.msg === 'request' &&
        uuid.test(String(l.requestId)) &&
        typeof l.route === 'string' &&
        typeof l.status === 'number' &&
        typeof l.durationMs === 'number',
    ),
  ).toBe(true);
  expect(
    lines.some(
      (l) =>
        l.msg === 'action' &&
        uuid.test(String(l.requestId)) &&
        l.role === 'family' &&
        l.outcome === 'ok' &&
        /^[a-z]\w*Action$/.test(String(l.action)),
    ),
  ).toBe(true);
  expect(lines.every((l) => typeof l.level === 'string' && typeof l.time === 'string')).toBe(true);
}
