import { describe, expect, it, vi } from 'vitest';

vi.mock('@/lib/auth/current-session', () => ({
  currentSession: async () => ({ userId: '00000000-0000-4000-8000-000000000001', role: 'family', providerId: null, name: 'Anna Rossi' }),
}));

describe('request id', () => {
  it('is generated server-side: a client-sent x-request-id never reaches the actor (and so the audit log)', async () => {
    const { currentActor } = await vi.importActual<typeof import('@/lib/auth/current-actor')>('@/lib/auth/current-actor');
    (globalThis as { __testHeaders?: Record<string, string> }).__testHeaders = { 'x-request-id': 'x'.repeat(5000), 'x-forwarded-for': '6.6.6.6', 'x-bsp-peer-address': '10.0.0.9' };
    try {
      const actor = await currentActor();
      expect(actor?.requestId).toMatch(/^[0-9a-f-]{36}$/);
      expect(actor?.ip).toBe('10.0.0.9');
    } finally {
      delete (globalThis as { __testHeaders?: unknown }).__testHeaders;
    }
  });
});
