import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, vi } from 'vitest';
import type { Actor } from '@/lib/auth/actor';

process.env.FILES_DIR ??= mkdtempSync(path.join(os.tmpdir(), 'bsp-files-'));

// revalidatePath and after() need a Next request; delivery is tested by calling the dispatcher directly.
vi.mock('next/cache', () => ({ revalidatePath: vi.fn(), revalidateTag: vi.fn() }));
vi.mock('@/lib/notifications/kick-dispatcher', () => ({ kickDispatcher: vi.fn() }));
// A test may add request headers (e.g. a forged X-Forwarded-Host) through globalThis.__testHeaders.
// Cookies set by an action land in globalThis.__testCookies, where a test can read them.
vi.mock('next/headers', () => ({
  cookies: async () => {
    const g = globalThis as { __testCookies?: Map<string, string> };
    const jar = (g.__testCookies ??= new Map());
    return {
      get: (name: string) => (jar.has(name) ? { name, value: jar.get(name) } : undefined),
      set: (name: string, value: string) => void jar.set(name, value),
    };
  },
  headers: async () =>
    new Headers({
      host: 'localhost:3000',
      ...((globalThis as { __testHeaders?: Record<string, string> }).__testHeaders ?? {}),
    }),
}));

// Server actions read the session through currentActor(); tests choose who is calling (support/act-as.ts).
vi.mock('@/lib/auth/current-actor', () => {
  const current = async (): Promise<Actor | null> => (globalThis as { __testActor?: Actor | null }).__testActor ?? null;
  return {
    currentActor: current,
    currentUserName: async () => null,
    requireRole: async () => {
      throw new Error('requireRole is for pages');
    },
  };
});

// Files share their worker's modules (vitest.config.ts): each starts as nobody, with no extra headers or cookies,
// and leaves process.env and the objects it spied on as it found them (this hook runs after the file's own).
{
  const g = globalThis as { __testActor?: unknown; __testHeaders?: unknown; __testCookies?: unknown };
  g.__testActor = null;
  g.__testHeaders = undefined;
  g.__testCookies = undefined;
  const envAtStart = { ...process.env };
  afterAll(() => {
    vi.unstubAllEnvs();
    vi.restoreAllMocks();
    for (const name of Object.keys(process.env)) if (!(name in envAtStart)) delete process.env[name];
    Object.assign(process.env, envAtStart);
  });
}
