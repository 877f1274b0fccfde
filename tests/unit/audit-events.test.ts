import { describe, expect, expectTypeOf, test } from 'vitest';
import type { AuditEntry } from '@/lib/audit/write-audit';
import { storedAfter, type AuditAction, type AuditAfter, type VoucherAuditAction } from '@/lib/domain/audit-events';

// These checks run in `tsc --noEmit` (tsconfig includes tests/): each @ts-expect-error must meet an error.
const actor = { userId: '00000000-0000-0000-0000-000000000001', role: 'provider' } as const;
const ref = { pesId: 'p1', code: 'BS-2020-0001/1' };

describe('audit entries are typed by their action', () => {
  test('a well-formed entry is accepted', () => {
    const ok: AuditEntry = {
      actor,
      action: 'pes.closed',
      entityType: 'voucher',
      entityId: 'v1',
      before: { ...ref, status: 'close_requested' },
      after: { ...ref, status: 'closed', usedCents: 100, hoursUsed: 2, freedCents: 900 },
    };
    expect(ok.action).toBe('pes.closed');
  });

  test('an unknown action, a wrong payload, an extra field or the wrong entity do not compile', () => {
    const entries: AuditEntry[] = [
      // @ts-expect-error unknown action
      { actor, action: 'pes.teleported', entityType: 'voucher' },
      // @ts-expect-error pes.closed needs hoursUsed and freedCents
      {
        actor,
        action: 'pes.closed',
        entityType: 'voucher',
        before: { ...ref, status: 'close_requested' },
        after: { ...ref, status: 'closed', usedCents: 1 },
      },
      {
        actor,
        action: 'conversion.otp_sent',
        entityType: 'voucher',
        // @ts-expect-error never the code itself in a payload
        after: { otpId: 'o1', maskedMobile: '*** 12', dossierSha256: 'x', code: '123456' },
      },
      // @ts-expect-error a voucher event is not about a user
      {
        actor,
        action: 'pes.created',
        entityType: 'user',
        after: { ...ref, kind: 'summer_covid', status: 'draft', providerId: 'x', band: 'A', hours: 1, amountCents: 1 },
      },
      // @ts-expect-error auth.logout has no payload
      { actor, action: 'auth.logout', entityType: 'user', after: { reason: 'x' } },
    ];
    expect(entries).toHaveLength(5);
  });

  test('an action chosen at run time must come with the payload of the action it is', () => {
    const validated = Math.random() > 2;
    const fine: AuditEntry<'pes.validated' | 'pes.rejected'> = validated
      ? {
          actor,
          action: 'pes.validated',
          entityType: 'voucher',
          before: { ...ref, status: 'awaiting_validation' },
          after: { ...ref, status: 'validated' },
        }
      : {
          actor,
          action: 'pes.rejected',
          entityType: 'voucher',
          before: { ...ref, status: 'awaiting_validation' },
          after: { ...ref, status: 'rejected', reason: 'no' },
        };
    // @ts-expect-error one object for both: its status could be 'rejected' on a 'pes.validated' event
    const mixed: AuditEntry<'pes.validated' | 'pes.rejected'> = {
      actor,
      action: validated ? 'pes.validated' : 'pes.rejected',
      entityType: 'voucher',
      before: { ...ref, status: 'awaiting_validation' },
      after: { ...ref, status: validated ? 'validated' : 'rejected' },
    };
    expect([fine.action, mixed.action]).toEqual(['pes.rejected', 'pes.rejected']);
  });

  test('the payload types are the ones the readers rely on', () => {
    expectTypeOf<AuditAfter<'conversion.signature_locked'>>().toEqualTypeOf<{ accountFailures: number }>();
    expectTypeOf<'auth.mfa_locked'>().toExtend<AuditAction>();
    expectTypeOf<'notification.abandoned'>().toExtend<AuditAction>();
    expectTypeOf<'pes.closed'>().toExtend<VoucherAuditAction>();
    expectTypeOf<'auth.login_failed'>().not.toExtend<VoucherAuditAction>();
  });
});

describe('storedAfter', () => {
  test('reads the fields of the action, whatever the row holds', () => {
    const a = storedAfter('pes.validated', { pesId: 'p1', code: 'BS-2020-0001/2', status: 'validated' });
    expect(a.code).toBe('BS-2020-0001/2');
    // @ts-expect-error a field pes.validated never writes
    expect(a.usedCents).toBeUndefined();
    expect(storedAfter('pes.validated', null)).toEqual({});
    expect(storedAfter('pes.validated', ['x'])).toEqual({});
  });
});
