export type SurgeFamily = {
  codiceFiscale: string;
  childCf: string;
  name: string;
  voucherId: string;
  voucherNumber: string;
  cookie: string;
};
export type SurgeResult = {
  ok: number;
  shed: number;
  errors: string[];
  crossFamily: string[];
  unexpected: string[];
  requests: number;
  seconds: number;
  rps: number;
  p50: number;
  p99: number;
  max: number;
};
export function foreignIdentifiers(body: string, family: SurgeFamily): string[];
export function surge(
  baseUrl: string,
  families: readonly SurgeFamily[],
  opts: { connections: number; durationMs?: number; rounds?: number; timeoutMs?: number },
): Promise<SurgeResult>;
export function signInAll(
  baseUrl: string,
  families: readonly SurgeFamily[],
  password: string,
  connections: number,
): Promise<{ requests: number; seconds: number; p50: number; p99: number; shed: number; failures: string[] }>;
