import { describe, expect, it } from 'vitest';
import { singleFlight } from '@/lib/notifications/single-flight';

function deferred() {
  let resolve!: () => void;
  let reject!: (e: Error) => void;
  const promise = new Promise<void>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

/** A work function whose runs end only when the test says so; it records when each run started. */
function controlledWork() {
  const runs: ReturnType<typeof deferred>[] = [];
  const work = () => {
    const d = deferred();
    runs.push(d);
    return d.promise;
  };
  return { runs, work };
}

const tick = () => new Promise((r) => setTimeout(r, 0));

describe('singleFlight', () => {
  it('runs once for a lone call', async () => {
    const { runs, work } = controlledWork();
    const kick = singleFlight(work);
    const done = kick();
    expect(runs).toHaveLength(1);
    runs[0]!.resolve();
    await done;
    expect(runs).toHaveLength(1);
  });

  it('coalesces calls made during a run into one more run, and every caller waits for it', async () => {
    const { runs, work } = controlledWork();
    const kick = singleFlight(work);
    const first = kick();
    const later = Array.from({ length: 19 }, () => kick());
    expect(runs).toHaveLength(1);
    let settled = 0;
    for (const p of [first, ...later]) void p.then(() => settled++);
    runs[0]!.resolve();
    await tick();
    expect(runs).toHaveLength(2);
    expect(settled).toBe(0);
    runs[1]!.resolve();
    await Promise.all([first, ...later]);
    expect(runs).toHaveLength(2);
    expect(settled).toBe(20);
  });

  it('starts afresh after a run has ended', async () => {
    const { runs, work } = controlledWork();
    const kick = singleFlight(work);
    const a = kick();
    runs[0]!.resolve();
    await a;
    const b = kick();
    expect(runs).toHaveLength(2);
    runs[1]!.resolve();
    await b;
  });

  it('passes a failed run to its callers and does not stay stuck', async () => {
    const { runs, work } = controlledWork();
    const kick = singleFlight(work);
    const a = kick();
    runs[0]!.reject(new Error('database down'));
    await expect(a).rejects.toThrow('database down');
    const b = kick();
    expect(runs).toHaveLength(2);
    runs[1]!.resolve();
    await expect(b).resolves.toBeUndefined();
  });
});
