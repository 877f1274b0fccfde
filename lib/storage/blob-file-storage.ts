import type { FileStorage } from './file-store';
import { assertStorable, assertStorageKey } from './storage-key';

/** Vercel Blob, private: files are read back only through the authorised route, never by URL. */
export function blobFileStorage(): FileStorage {
  // Without network the client retries for minutes: bound every call.
  const signal = () => AbortSignal.timeout(Number(process.env.BLOB_TIMEOUT_MS ?? 15_000));
  return {
    async put(key, bytes) {
      assertStorable(key, bytes);
      const { put } = await import('@vercel/blob');
      await put(key, Buffer.from(bytes), {
        access: 'private',
        addRandomSuffix: false,
        contentType: 'application/pdf',
        abortSignal: signal(),
      } as Parameters<typeof put>[2]);
    },
    async get(key) {
      assertStorageKey(key);
      const blobModule = (await import('@vercel/blob')) as unknown as {
        get: (
          p: string,
          o: { access: 'private'; abortSignal?: AbortSignal },
        ) => Promise<{ stream: ReadableStream<Uint8Array> } | null>;
      };
      const res = await blobModule.get(key, { access: 'private', abortSignal: signal() });
      if (!res) return null;
      return new Uint8Array(await new Response(res.stream).arrayBuffer());
    },
    async remove(key) {
      assertStorageKey(key);
      const { del } = await import('@vercel/blob');
      await del(key, { abortSignal: signal() } as Parameters<typeof del>[1]);
    },
  };
}
