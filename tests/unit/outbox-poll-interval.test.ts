import { describe, expect, it } from 'vitest';
import { outboxPollMs } from '@/lib/notifications/outbox-poller';

// OUTBOX_POLL_MS lets the many-instances e2e test watch two dispatchers race within seconds; a mistyped
// value must not turn the retry poller into a busy loop or a poller that never runs.
describe('outboxPollMs', () => {
  it.each<[string | undefined, number]>([
    [undefined, 30_000],
    ['', 30_000],
    ['250', 250],
    [' 1000 ', 1_000],
    ['100', 100],
    ['99', 30_000],
    ['0', 30_000],
    ['-5', 30_000],
    ['1e3', 30_000],
    ['2.5', 30_000],
    ['abc', 30_000],
    ['3600000', 3_600_000],
    ['3600001', 30_000],
  ])('OUTBOX_POLL_MS=%j polls every %i ms', (value, ms) => {
    expect(outboxPollMs({ OUTBOX_POLL_MS: value })).toBe(ms);
  });
});
