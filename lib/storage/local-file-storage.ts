import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { FileStorage } from './file-store';
import { assertStorable, assertStorageKey } from './storage-key';

/** A folder on this machine: seen by this process only, hence refused in production unless FILE_STORAGE=local. */
export function localFileStorage(root: string): FileStorage {
  return {
    async put(key, bytes) {
      assertStorable(key, bytes);
      const file = path.join(root, key);
      await mkdir(path.dirname(file), { recursive: true });
      await writeFile(file, bytes);
    },
    async get(key) {
      assertStorageKey(key);
      try {
        return new Uint8Array(await readFile(path.join(root, key)));
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code === 'ENOENT') return null;
        throw e;
      }
    },
    async remove(key) {
      assertStorageKey(key);
      await rm(path.join(root, key), { force: true });
    },
  };
}
