import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { count, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { storedFiles } from '@/db/schema';
import { MAX_PDF_BYTES } from '@/lib/storage/check-pdf';
import { databaseFileStorage } from '@/lib/storage/database-file-storage';
import { fileStorage, type FileStorage } from '@/lib/storage/file-storage';
import { localFileStorage } from '@/lib/storage/local-file-storage';
import { useDb } from './support/act-as';
import { freshDb, type TestDb } from './support/test-db';

let t: TestDb;
let root: string;
beforeAll(async () => {
  t = await freshDb();
  root = mkdtempSync(path.join(os.tmpdir(), 'bsp-storage-'));
});
afterAll(async () => {
  await t.close();
  rmSync(root, { recursive: true, force: true });
});

const storedRows = async () => (await t.db.select({ n: count() }).from(storedFiles))[0]!.n;
const filesUnder = (dir: string) =>
  (readdirSync(dir, { recursive: true, withFileTypes: true }) as { isFile(): boolean }[]).filter((f) => f.isFile())
    .length;

const adapters: [string, () => FileStorage, () => Promise<number>][] = [
  ['local (a temporary folder)', () => localFileStorage(path.join(root, 'local')), async () => filesUnder(root)],
  ['database (the test database)', () => databaseFileStorage(async () => t.db), storedRows],
];

let n = 0;
const newKey = () => `documents/contract-${process.pid}-${++n}-0123456789`;
/** Every byte value, several times over, so no encoding (text, hex, escape) can pass by luck. */
const everyByte = () => Uint8Array.from({ length: 256 * 3 + 7 }, (_, i) => (i * 7 + 3) % 256);

describe.each(adapters)('file storage contract: %s', (_name, make, stored) => {
  let storage: FileStorage;
  beforeAll(() => {
    storage = make();
  });

  it('returns exactly the bytes it was given, all 256 byte values, and forgets them on remove', async () => {
    const key = newKey();
    const bytes = everyByte();
    await storage.put(key, bytes);
    const got = await storage.get(key);
    expect(got).toBeInstanceOf(Uint8Array);
    expect(Buffer.from(got!).equals(Buffer.from(bytes))).toBe(true);
    await storage.remove(key);
    expect(await storage.get(key)).toBeNull();
  });

  it('keeps keys apart, and a second put of a key replaces its bytes', async () => {
    const [a, b] = [newKey(), newKey()];
    await storage.put(a, Uint8Array.of(1, 2, 3));
    await storage.put(b, Uint8Array.of(4, 5));
    await storage.put(a, Uint8Array.of(9));
    expect([...(await storage.get(a))!]).toEqual([9]);
    expect([...(await storage.get(b))!]).toEqual([4, 5]);
    await storage.remove(a);
    expect([...(await storage.get(b))!]).toEqual([4, 5]);
    await storage.remove(b);
  });

  it('answers null for a key never stored, and removing it is no error', async () => {
    const key = newKey();
    expect(await storage.get(key)).toBeNull();
    await expect(storage.remove(key)).resolves.toBeUndefined();
  });

  it.each([
    '../../etc/passwd',
    'documents/../../../etc/passwd-xxxxxx',
    '/etc/passwd-xxxxxxxx',
    'Documents/ABC-0123456789',
    'short',
    '',
    'documents/a b c 0123456789',
    `documents/${'x'.repeat(201)}`,
  ])('refuses the key %j on put, get and remove, storing nothing', async (key) => {
    const before = await stored();
    await expect(storage.put(key, Uint8Array.of(1))).rejects.toThrow('invalid storage key');
    await expect(storage.get(key)).rejects.toThrow('invalid storage key');
    await expect(storage.remove(key)).rejects.toThrow('invalid storage key');
    expect(await stored()).toBe(before);
  });

  it('stores 2 097 152 bytes, refuses 2 097 153 and an empty file, storing nothing for them (F1)', async () => {
    const max = newKey();
    const big = new Uint8Array(MAX_PDF_BYTES).fill(0xff);
    big[0] = 0;
    await storage.put(max, big);
    expect((await storage.get(max))!.byteLength).toBe(MAX_PDF_BYTES);
    await storage.remove(max);

    const before = await stored();
    const tooBig = newKey();
    await expect(storage.put(tooBig, new Uint8Array(MAX_PDF_BYTES + 1))).rejects.toThrow('invalid file size');
    const empty = newKey();
    await expect(storage.put(empty, new Uint8Array())).rejects.toThrow('invalid file size');
    expect(await storage.get(tooBig)).toBeNull();
    expect(await storage.get(empty)).toBeNull();
    expect(await stored()).toBe(before);
  });
});

// No contract run for the Vercel Blob adapter: @vercel/blob 2.8 lets VERCEL_BLOB_API_URL redirect put/del, but
// get() always reads https://<store>.private.blob.vercel-storage.com/<key> (constructBlobUrl, no override), which
// needs the network; a stub would test the stub, not the adapter.

describe('the database store itself refuses what the adapter refuses', () => {
  it('a row over 2 MB, an empty one, or one whose size does not match its bytes (CHECK)', async () => {
    const row = (bytes: Uint8Array, size = bytes.byteLength) => ({ key: newKey(), bytes, size });
    await expect(t.db.insert(storedFiles).values(row(new Uint8Array(MAX_PDF_BYTES + 1)))).rejects.toThrow();
    await expect(t.db.insert(storedFiles).values(row(new Uint8Array()))).rejects.toThrow();
    await expect(t.db.insert(storedFiles).values(row(new Uint8Array(MAX_PDF_BYTES + 1), 10))).rejects.toThrow();
    expect(await storedRows()).toBe(0);
  });

  it('keeps the bytes as bytea (octet_length is the byte count, not a text encoding of it)', async () => {
    const key = newKey();
    await databaseFileStorage(async () => t.db).put(key, everyByte());
    const [r] = await t.db
      .select({ len: sql<number>`octet_length(${storedFiles.bytes})`, size: storedFiles.size })
      .from(storedFiles)
      .where(eq(storedFiles.key, key));
    expect(r).toEqual({ len: everyByte().byteLength, size: everyByte().byteLength });
    await t.db.delete(storedFiles).where(eq(storedFiles.key, key));
  });

  it('reads and writes the bytea column through drizzle as a plain Uint8Array, on this driver', async () => {
    const key = newKey();
    await t.db.insert(storedFiles).values({ key, bytes: everyByte(), size: everyByte().byteLength });
    const [r] = await t.db.select({ bytes: storedFiles.bytes }).from(storedFiles).where(eq(storedFiles.key, key));
    expect(r!.bytes).toBeInstanceOf(Uint8Array);
    expect(Buffer.from(r!.bytes).equals(Buffer.from(everyByte()))).toBe(true);
    expect([...(await databaseFileStorage(async () => t.db).get(key))!]).toEqual([...everyByte()]);
    await t.db.delete(storedFiles).where(eq(storedFiles.key, key));
  });
});

describe('fileStorage(t.db) follows FILE_STORAGE', () => {
  const saved = { FILE_STORAGE: process.env.FILE_STORAGE, BLOB_READ_WRITE_TOKEN: process.env.BLOB_READ_WRITE_TOKEN };
  afterAll(() => Object.assign(process.env, saved));

  it('database: the bytes land in stored_files of the app database, visible to every instance', async () => {
    useDb(t.db);
    process.env.FILE_STORAGE = 'database';
    const key = newKey();
    await fileStorage(t.db).put(key, Uint8Array.of(37, 80, 68, 70));
    expect((await t.db.select().from(storedFiles).where(eq(storedFiles.key, key)))[0]?.size).toBe(4);
    expect([...(await databaseFileStorage(async () => t.db).get(key))!]).toEqual([37, 80, 68, 70]);
    await fileStorage(t.db).remove(key);
    expect(await storedRows()).toBe(0);
  });

  it('local, when said so, even with a Blob token set', async () => {
    process.env.FILE_STORAGE = 'local';
    process.env.BLOB_READ_WRITE_TOKEN = 'vercel_blob_rw_notused_x';
    const key = newKey();
    await fileStorage(t.db).put(key, Uint8Array.of(1));
    expect(readdirSync(path.join(process.env.FILES_DIR!, 'documents'))).toContain(path.basename(key));
    await fileStorage(t.db).remove(key);
    expect(await storedRows()).toBe(0);
  });

  it('refuses an unknown FILE_STORAGE rather than guessing', () => {
    process.env.FILE_STORAGE = 's3';
    expect(() => fileStorage(t.db)).toThrow('FILE_STORAGE');
  });
});
