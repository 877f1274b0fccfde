import { afterEach, describe, expect, it, vi } from 'vitest';

vi.mock('next/navigation', () => ({
  notFound: () => {
    throw new Error('NEXT_NOT_FOUND');
  },
}));
vi.mock('next/server', () => ({ connection: async () => undefined }));

afterEach(() => vi.unstubAllEnvs());

describe('/bench/floor exists only in the benchmark build', () => {
  it('answers 404 in a build made without BENCH_FLOOR=1', async () => {
    vi.stubEnv('BENCH_FLOOR', '0');
    const { default: FloorPage } = await import('@/app/bench/floor/page');
    await expect(FloorPage()).rejects.toThrow('NEXT_NOT_FOUND');
  });

  it('renders its 20 rows in the benchmark build', async () => {
    vi.stubEnv('BENCH_FLOOR', '1');
    const { default: FloorPage } = await import('@/app/bench/floor/page');
    expect(JSON.stringify(await FloorPage())).toContain('RIF-20');
  });

  it('is inlined at build time by next.config.mjs, on only when the build asks for it', async () => {
    vi.stubEnv('BENCH_FLOOR', '');
    vi.resetModules();
    // @ts-expect-error next.config.mjs is plain JavaScript with no declarations
    const config = (await import('@/next.config.mjs')).default as { env?: Record<string, string> };
    expect(config.env?.BENCH_FLOOR).toBe('0');
  });
});
