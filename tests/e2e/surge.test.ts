import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import postgres from 'postgres';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signInAll, surge, type SurgeFamily } from '../support/surge.mjs';
import { e2eEnabled } from './support/app-fixture';
import { pgReachable } from './support/postgres-database';
import { startApp, type AppServer } from './support/server';

/**
 * P6 in CI, smaller than the bench's row: 200 families, 50 connections at once, each loading /famiglia
 * and its voucher page, against `next start` on PostgreSQL with a tight admission gate (so both outcomes
 * occur). Every response is a 200 naming the family's own voucher and no other family's identifiers, or
 * the deliberate busy 503 with Retry-After: no other 5xx, no cross-family byte. No timing is asserted.
 */
const PG = process.env.SURGE_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const FAMILIES = 200;
const CONNECTIONS = 50;

const reachable = e2eEnabled && (await pgReachable(PG));
if (e2eEnabled && !reachable && process.env.CI) throw new Error(`P6 needs PostgreSQL at ${PG}`);

describe.skipIf(!reachable)('P6: the opening-day surge, smaller', () => {
  const name = `bsp_surge_${randomBytes(4).toString('hex')}`;
  const url = new URL(PG);
  url.pathname = `/${name}`;
  const admin = postgres(PG, { max: 1, onnotice: () => {} });
  const secret = randomBytes(32).toString('hex');
  let app: AppServer;
  let families: SurgeFamily[];
  let password: string;

  beforeAll(async () => {
    await admin.unsafe(`create database ${name}`);
    const seed = spawnSync('npx', ['tsx', '--conditions=react-server', 'tests/bench/seed-surge.ts', String(FAMILIES)], {
      env: { ...process.env, DATABASE_URL: url.toString(), AUTH_SECRET: secret },
      encoding: 'utf8',
      maxBuffer: 64 * 1024 * 1024,
    });
    if (seed.status !== 0) throw new Error(`seed-surge failed (exit ${seed.status}): ${seed.stderr}`);
    const line = seed.stdout.split('\n').findLast((l) => l.startsWith('{'))!;
    ({ families, password } = JSON.parse(line) as { families: SurgeFamily[]; password: string });
    app = await startApp({
      DATABASE_URL: url.toString(),
      AUTH_SECRET: secret,
      OUTBOX_POLL: '0',
      DATABASE_POOL_MAX: '4',
      ADMISSION_CONCURRENCY: '6',
      ADMISSION_QUEUE: '20',
      // Sign-ins arrive with one documentation address per family (tests/support/surge.mjs).
      TRUSTED_PROXIES: '1',
    });
  });
  afterAll(async () => {
    await app?.stop();
    await admin.unsafe(`drop database if exists ${name} with (force)`);
    await admin.end();
  });

  it('every page load is the family’s own page or the deliberate busy 503, never another family’s data', async () => {
    expect(families).toHaveLength(FAMILIES);
    const r = await surge(app.baseUrl, families, { connections: CONNECTIONS, rounds: 1 });
    expect(r.crossFamily).toEqual([]);
    expect(r.errors).toEqual([]);
    expect(r.unexpected).toEqual([]);
    expect(r.ok + r.shed).toBe(2 * FAMILIES);
    expect(r.ok).toBeGreaterThan(0);
  });

  it('50 password sign-ins at once: each signs in or gets the busy 503, none fails', async () => {
    const r = await signInAll(app.baseUrl, families.slice(0, CONNECTIONS), password, CONNECTIONS);
    expect(r.failures).toEqual([]);
    expect(r.requests).toBe(CONNECTIONS);
    expect(r.requests - r.shed).toBeGreaterThan(0);
  });
});
