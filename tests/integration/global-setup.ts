import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { openDb } from '../../db/open';

declare module 'vitest' {
  export interface ProvidedContext {
    pgliteDump: string;
    pgTemplate: string;
  }
}

// One template per run: several checkouts may test against the same server at once.
export const TEMPLATE_DB = `bsp_test_template_${process.pid}`;

type Made = { pgliteDump: string; pgTemplate: string; teardown: () => Promise<void> | void };

/**
 * Migrates once: PGlite into a dump each file loads (~0.5 s), PostgreSQL into a template database each file
 * clones. Both integration projects (vitest.config.ts: shared and isolated modules) name this file: the
 * second gets what the first made, and the last to finish removes it.
 */
export default async function setup(project: TestProject) {
  const g = globalThis as { __bspIntegrationDb?: { made: Promise<Made>; users: number } };
  const shared = (g.__bspIntegrationDb ??= { made: make(), users: 0 });
  shared.users++;
  const made = await shared.made;
  project.provide('pgliteDump', made.pgliteDump);
  project.provide('pgTemplate', made.pgTemplate);
  return async () => {
    if (--shared.users === 0) {
      g.__bspIntegrationDb = undefined;
      await made.teardown();
    }
  };
}

async function make(): Promise<Made> {
  const url = process.env.DATABASE_URL;
  if (url) {
    const { default: postgres } = await import('postgres');
    const admin = postgres(url, { max: 1, onnotice: () => {} });
    await admin.unsafe(`drop database if exists ${TEMPLATE_DB} with (force)`);
    await admin.unsafe(`create database ${TEMPLATE_DB}`);
    await admin.end();
    const templateUrl = withDatabase(url, TEMPLATE_DB);
    const opened = await openDb({ databaseUrl: templateUrl });
    await opened.close();
    return {
      pgTemplate: TEMPLATE_DB,
      pgliteDump: '',
      teardown: async () => {
        const drop = postgres(url, { max: 1, onnotice: () => {} });
        await drop.unsafe(`drop database if exists ${TEMPLATE_DB} with (force)`).catch(() => undefined);
        await drop.end();
      },
    };
  }
  const dir = mkdtempSync(path.join(os.tmpdir(), 'bsp-pglite-'));
  const opened = await openDb({ pgliteDir: 'memory://' });
  const client = (opened.db as unknown as { $client: { dumpDataDir: (c?: string) => Promise<Blob> } }).$client;
  const dump = await client.dumpDataDir('none');
  const file = path.join(dir, 'migrated.tar');
  writeFileSync(file, Buffer.from(await dump.arrayBuffer()));
  await opened.close();
  return { pgliteDump: file, pgTemplate: '', teardown: () => rmSync(dir, { recursive: true, force: true }) };
}

export function withDatabase(url: string, db: string): string {
  const u = new URL(url);
  u.pathname = `/${db}`;
  return u.toString();
}
