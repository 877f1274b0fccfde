import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { AdmissionGate, admissionLimits } from '@/lib/http/admission-gate';
import { busyResponse } from '@/lib/http/busy-response';

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

function harness(limits = { concurrency: 2, queue: 2, maxWaitMs: 8000 }) {
  const gate = new AdmissionGate(limits);
  const log: string[] = [];
  const enter = (name: string) =>
    gate.enter(
      () => log.push(`run ${name}`),
      (r) => log.push(`shed ${name} ${r}`),
    );
  return { gate, log, enter };
}

describe('AdmissionGate: a bounded queue in front of the handlers (P6)', () => {
  it('runs up to `concurrency` at once, queues up to `queue`, sheds the rest at once', () => {
    const { gate, log, enter } = harness();
    for (const n of ['a', 'b', 'c', 'd', 'e']) enter(n);
    expect(log).toEqual(['run a', 'run b', 'shed e queue_full']);
    expect(gate.load).toEqual({ active: 2, waiting: 2 });
  });

  it('gives each freed turn to the oldest waiting request', () => {
    const { gate, log, enter } = harness();
    for (const n of ['a', 'b', 'c', 'd']) enter(n);
    gate.leave();
    expect(log.at(-1)).toBe('run c');
    gate.leave();
    expect(log.at(-1)).toBe('run d');
    expect(gate.load).toEqual({ active: 2, waiting: 0 });
    gate.leave();
    gate.leave();
    expect(gate.load).toEqual({ active: 0, waiting: 0 });
  });

  it('sheds a request that waited maxWaitMs, and it never runs afterwards', () => {
    const { gate, log, enter } = harness();
    for (const n of ['a', 'b', 'c']) enter(n);
    vi.advanceTimersByTime(7999);
    expect(log).toEqual(['run a', 'run b']);
    vi.advanceTimersByTime(1);
    expect(log).toEqual(['run a', 'run b', 'shed c waited_too_long']);
    gate.leave();
    expect(log).toHaveLength(3);
    expect(gate.load).toEqual({ active: 1, waiting: 0 });
  });

  it('forgets a waiting request whose client went away', () => {
    const { gate, log, enter } = harness();
    enter('a');
    enter('b');
    const c = enter('c');
    enter('d');
    c.cancel();
    gate.leave();
    expect(log.at(-1)).toBe('run d');
    vi.advanceTimersByTime(60_000);
    expect(log.some((l) => l.startsWith('shed'))).toBe(false);
  });

  it('with queue 0 sheds whatever cannot start at once', () => {
    const { log, enter } = harness({ concurrency: 1, queue: 0, maxWaitMs: 1000 });
    enter('a');
    enter('b');
    expect(log).toEqual(['run a', 'shed b queue_full']);
  });
});

describe('admissionLimits (env)', () => {
  it.each([
    [{}, { concurrency: 20, queue: 200, maxWaitMs: 8000 }],
    [{ DATABASE_POOL_MAX: '4' }, { concurrency: 8, queue: 200, maxWaitMs: 8000 }],
    [
      { ADMISSION_CONCURRENCY: '50', ADMISSION_QUEUE: '0', ADMISSION_MAX_WAIT_MS: '2000' },
      { concurrency: 50, queue: 0, maxWaitMs: 2000 },
    ],
    [
      { ADMISSION_CONCURRENCY: '0', ADMISSION_QUEUE: '-1', ADMISSION_MAX_WAIT_MS: 'abc' },
      { concurrency: 20, queue: 200, maxWaitMs: 8000 },
    ],
    [
      { ADMISSION_CONCURRENCY: '2.5', DATABASE_POOL_MAX: 'x' },
      { concurrency: 20, queue: 200, maxWaitMs: 8000 },
    ],
  ])('%o → %o', (env, limits) => {
    expect(admissionLimits(env)).toEqual(limits);
  });
});

describe('busyResponse', () => {
  it('is an Italian page with Retry-After, never cached; JSON under /api/', () => {
    const page = busyResponse('/famiglia', 8000);
    expect(page.headers).toMatchObject({ 'Retry-After': '4', 'Cache-Control': 'no-store' });
    expect(page.body).toContain('lang="it"');
    expect(page.body).toContain('Il servizio è molto richiesto');
    const api = busyResponse('/api/ping', 1000);
    expect(api.headers['Content-Type']).toContain('application/json');
    expect(JSON.parse(api.body)).toMatchObject({ error: 'busy' });
    expect(api.headers['Retry-After']).toBe('1');
  });
});
