/**
 * The one "now" of the code that starts, compares and reminds terms (issue 19). Production reads the
 * system clock; tests move time with setTestNow/advanceTestClock instead of sleeping. The override is a
 * module variable, not an environment variable or a header, so no request can set it, and it refuses to
 * be set outside vitest (NODE_ENV=test).
 */
let frozenAt: number | null = null;

export function now(): Date {
  return new Date(frozenAt ?? Date.now());
}

function assertTest(): void {
  if (process.env.NODE_ENV !== 'test') throw new Error('The clock can be moved only in tests.');
}

/** Fixes the clock at `at` (null: back to the system clock). */
export function setTestNow(at: Date | string | null): void {
  assertTest();
  frozenAt = at === null ? null : new Date(at).getTime();
}

/** Moves a fixed clock forward by `ms` (a day: 86_400_000). */
export function advanceTestClock(ms: number): Date {
  assertTest();
  frozenAt = (frozenAt ?? Date.now()) + ms;
  return now();
}
