/** How many requests the server works on at once, how many may wait for a turn, and for how long. */
export type AdmissionLimits = { concurrency: number; queue: number; maxWaitMs: number };
export type ShedReason = 'queue_full' | 'waited_too_long';

type Waiter = { admit: () => void; shed: (r: ShedReason) => void; timer: ReturnType<typeof setTimeout> };

/**
 * A bounded FIFO queue in front of the request handlers (and so of the database pool): at most
 * `concurrency` requests run, at most `queue` wait, none waits longer than `maxWaitMs`. A request that
 * finds the queue full, or waits too long, is shed at once with a friendly 503 instead of piling up
 * until every request times out (the 1 April 2020 failure mode).
 */
export class AdmissionGate {
  private active = 0;
  private readonly waiting: Waiter[] = [];

  constructor(readonly limits: AdmissionLimits) {}

  /** `admit` runs now or when a turn comes; `shed` instead when there is none. `cancel` if the client leaves. */
  enter(admit: () => void, shed: (r: ShedReason) => void): { cancel: () => void } {
    if (this.active < this.limits.concurrency) {
      this.active++;
      admit();
      return { cancel: () => {} };
    }
    if (this.waiting.length >= this.limits.queue) {
      shed('queue_full');
      return { cancel: () => {} };
    }
    const w: Waiter = {
      admit,
      shed,
      timer: setTimeout(() => {
        this.remove(w);
        shed('waited_too_long');
      }, this.limits.maxWaitMs),
    };
    this.waiting.push(w);
    return { cancel: () => this.remove(w) };
  }

  /** An admitted request finished: the oldest waiting one gets its turn. */
  leave(): void {
    this.active = Math.max(0, this.active - 1);
    while (this.active < this.limits.concurrency && this.waiting.length) {
      const next = this.waiting.shift()!;
      clearTimeout(next.timer);
      this.active++;
      next.admit();
    }
  }

  get load(): { active: number; waiting: number } {
    return { active: this.active, waiting: this.waiting.length };
  }

  private remove(w: Waiter): void {
    const i = this.waiting.indexOf(w);
    if (i >= 0) this.waiting.splice(i, 1);
    clearTimeout(w.timer);
  }
}

const positive = (v: string | undefined, fallback: number, min: number) => {
  if (v === undefined || v.trim() === '') return fallback;
  const n = Number(v);
  return Number.isInteger(n) && n >= min ? n : fallback;
};

/**
 * ADMISSION_CONCURRENCY (default 2 × DATABASE_POOL_MAX, i.e. 20: a page spends part of its time rendering,
 * not holding a connection), ADMISSION_QUEUE (default 200; 0 sheds whatever cannot start at once),
 * ADMISSION_MAX_WAIT_MS (default 8000, so nobody waits 10 s for a page). Invalid values keep the default.
 */
export function admissionLimits(env: Record<string, string | undefined> = process.env): AdmissionLimits {
  const pool = positive(env.DATABASE_POOL_MAX, 10, 1);
  return {
    concurrency: positive(env.ADMISSION_CONCURRENCY, 2 * pool, 1),
    queue: positive(env.ADMISSION_QUEUE, 200, 0),
    maxWaitMs: positive(env.ADMISSION_MAX_WAIT_MS, 8000, 1),
  };
}
