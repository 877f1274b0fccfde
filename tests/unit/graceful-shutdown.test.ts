import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { DEFAULT_SHUTDOWN_TIMEOUT_MS, shutDown, shutdownTimeoutMs } from '@/lib/ops/graceful-shutdown';
import { isShuttingDown, resetShutdownState, trackWork } from '@/lib/ops/shutdown-state';
import { installInFlightTracker, trackedServers } from '@/lib/ops/track-in-flight';

/**
 * R2 without Next: a plain http.Server seen by the in-flight tracker. Shutdown marks the process as
 * shutting down at once, refuses new connections, lets the request in flight finish with its whole
 * body, waits for background work, and only then closes the database; exit code 0. A request that
 * outlives the timeout is cut and the exit code says so.
 */
let server: http.Server;
let release: () => void;
let arrived: Promise<void>;
let port: number;

beforeAll(() => installInFlightTracker());

beforeEach(async () => {
  resetShutdownState();
  let signalArrived!: () => void;
  arrived = new Promise((r) => (signalArrived = r));
  const released = new Promise<void>((r) => (release = r));
  server = http.createServer((req, res) => {
    signalArrived();
    res.write('first half;');
    void released.then(() => res.end('second half'));
  });
  server.keepAliveTimeout = 60_000;
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  port = (server.address() as AddressInfo).port;
});
afterEach(() => {
  server.closeAllConnections();
  server.close();
});

function get(agent?: http.Agent): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    http
      .get({ host: '127.0.0.1', port, path: '/', agent }, (res) => {
        let body = '';
        res.on('data', (d: Buffer) => (body += d.toString()));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
        res.on('error', reject);
      })
      .on('error', reject);
  });
}

describe('SHUTDOWN_TIMEOUT_MS', () => {
  it.each([
    [undefined, DEFAULT_SHUTDOWN_TIMEOUT_MS],
    ['10000', 10_000],
    ['0', DEFAULT_SHUTDOWN_TIMEOUT_MS],
    ['-5', DEFAULT_SHUTDOWN_TIMEOUT_MS],
    ['abc', DEFAULT_SHUTDOWN_TIMEOUT_MS],
  ])('%s → %i ms', (value, expected) => {
    expect(shutdownTimeoutMs({ SHUTDOWN_TIMEOUT_MS: value })).toBe(expected);
  });
});

describe('graceful shutdown', () => {
  it('finishes the request in flight, refuses new connections, then closes the database; exit code 0', async () => {
    const agent = new http.Agent({ keepAlive: true });
    const inFlight = get(agent);
    await arrived;
    expect(trackedServers()).toContain(server);
    const steps = { timeoutMs: 10_000, stopBackground: vi.fn(), closeDatabase: vi.fn(async () => {}) };
    const done = shutDown(steps);
    expect(isShuttingDown()).toBe(true);
    expect(steps.stopBackground).toHaveBeenCalledOnce();
    await expect(get()).rejects.toThrow(/ECONNREFUSED/);
    await new Promise((r) => setTimeout(r, 200));
    expect(steps.closeDatabase).not.toHaveBeenCalled();

    release();
    expect(await inFlight).toEqual({ status: 200, body: 'first half;second half' });
    expect(await done).toBe(0);
    expect(steps.closeDatabase).toHaveBeenCalledOnce();
    agent.destroy();
  });

  it('waits for background work (an outbox run) before closing the database', async () => {
    let finishWork!: () => void;
    const order: string[] = [];
    void trackWork(new Promise<void>((r) => (finishWork = r)).then(() => order.push('outbox run finished')));
    const done = shutDown({
      timeoutMs: 10_000,
      stopBackground: () => {},
      closeDatabase: async () => void order.push('database closed'),
    });
    await new Promise((r) => setTimeout(r, 200));
    expect(order).toEqual([]);
    finishWork();
    expect(await done).toBe(0);
    expect(order).toEqual(['outbox run finished', 'database closed']);
  });

  it('cuts a request that outlives the timeout, still closes the database, and exits non-zero', async () => {
    const inFlight = get().catch((e: Error) => e);
    await arrived;
    const closeDatabase = vi.fn(async () => {});
    expect(await shutDown({ timeoutMs: 300, stopBackground: () => {}, closeDatabase })).toBe(1);
    expect(closeDatabase).toHaveBeenCalledOnce();
    expect(await inFlight).toBeInstanceOf(Error);
  });
});
