import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { checkReadiness, resetReadiness } from '@/lib/ops/check-readiness';
import { beginShutdown, resetShutdownState } from '@/lib/ops/shutdown-state';

/**
 * R1: readiness reasons, the 1 s bound on the database check, and at most one probe query in flight
 * per process (a load balancer probing a hung database must not pile queries onto the pool).
 */
beforeEach(() => {
  resetShutdownState();
  resetReadiness();
});
afterEach(() => vi.useRealTimers());

const never = () => new Promise<never>(() => {});

describe('readiness', () => {
  it('is ready when the probe says the database answers with its migrations applied', async () => {
    expect(await checkReadiness(async () => 'ok')).toEqual({ ready: true });
  });

  it('says "migrations" when the database is behind this build', async () => {
    expect(await checkReadiness(async () => 'migrations')).toEqual({ ready: false, reason: 'migrations' });
  });

  it('says "database" when the probe fails, without its message', async () => {
    const r = await checkReadiness(async () => {
      throw new Error('connect ECONNREFUSED 10.0.0.7:5432');
    });
    expect(r).toEqual({ ready: false, reason: 'database' });
  });

  it('says "shutting_down" once shutdown began, without asking the database', async () => {
    const probe = vi.fn(async () => 'ok' as const);
    beginShutdown();
    expect(await checkReadiness(probe)).toEqual({ ready: false, reason: 'shutting_down' });
    expect(probe).not.toHaveBeenCalled();
  });

  it('answers "database" when the probe hangs past the timeout', async () => {
    vi.useFakeTimers();
    const answer = checkReadiness(never, 1_000);
    await vi.advanceTimersByTimeAsync(1_000);
    expect(await answer).toEqual({ ready: false, reason: 'database' });
  });

  it('runs one probe for concurrent callers, and none more while a hung one is still running', async () => {
    vi.useFakeTimers();
    let release!: (v: 'ok') => void;
    const probe = vi
      .fn(async (): Promise<'ok'> => 'ok')
      .mockImplementationOnce(() => new Promise<'ok'>((r) => (release = r)));
    const first = Array.from({ length: 20 }, () => checkReadiness(probe, 1_000));
    await vi.advanceTimersByTimeAsync(1_000);
    expect(await Promise.all(first)).toEqual(Array(20).fill({ ready: false, reason: 'database' }));
    // The hung query still holds its connection: later probes answer from it instead of adding another.
    expect(await checkReadiness(probe, 1_000)).toEqual({ ready: false, reason: 'database' });
    expect(probe).toHaveBeenCalledTimes(1);
    // Once it returns, the next probe asks again, and the database is back.
    release('ok');
    await vi.advanceTimersByTimeAsync(0);
    expect(await checkReadiness(probe, 1_000)).toEqual({ ready: true });
    expect(probe).toHaveBeenCalledTimes(2);
  });
});
