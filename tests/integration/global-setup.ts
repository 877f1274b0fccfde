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

/** Migrates once: PGlite into a dump each file loads (~0.5 s), PostgreSQL into a template database each file clones. */
export default async function setup(project: TestProject) {
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
    project.provide('pgTemplate', TEMPLATE_DB);
    project.provide('pgliteDump', '');
    return async () => {
      const drop = postgres(url, { max: 1, onnotice: () => {} });
      await drop.unsafe(`drop database if exists ${TEMPLATE_DB} with (force)`).catch(() => undefined);
      await drop.end();
    };
  }
  const dir = mkdtempSync(path.join(os.tmpdir(), 'bsp-pglite-'));
  const opened = await openDb({ pgliteDir: 'memory://' });
  const client = (opened.db as unknown as { $client: { dumpDataDir: (c?: string) => Promise<Blob> } }).$client;
  const dump = await client.dumpDataDir('none');
  const file = path.join(dir, 'migrated.tar');
  writeFileSync(file, Buffer.from(await dump.arrayBuffer()));
  await opened.close();
  project.provide('pgliteDump', file);
  project.provide('pgTemplate', '');
  return () => rmSync(dir, { recursive: true, force: true });
}

export function withDatabase(url: string, db: string): string {
  const u = new URL(url);
  u.pathname = `/${db}`;
  return u.toString();
}
