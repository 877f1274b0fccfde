import { and, asc, eq, inArray } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { auditEvents, conversions, users, vouchers } from '@/db/schema';
import { getOfficeConversionFile } from '@/db/queries/office/conversion-file';
import { activeOfficeClerks } from '@/db/queries/office/office-clerks';
import { officeQueue } from '@/db/queries/office/queue';
import { getFamilyVoucherFile } from '@/db/queries/voucher-file';
import { describeVoucherEvent } from '@/app/_components/voucher-timeline-text';
import { changeAssignmentAction } from '@/lib/actions/office/assignment';
import type { Actor } from '@/lib/auth/actor';
import { officeScope } from '@/lib/auth/office-scope';
import { approveConversion } from '@/lib/services/office/approve-conversion';
import { assignConversion } from '@/lib/services/office/assign-conversion';
import { releaseConversion } from '@/lib/services/office/release-conversion';
import { takeConversion } from '@/lib/services/office/take-conversion';
import { officeQueueQuerySchema } from '@/lib/validation/office-queue';
import { actAs, useDb } from './support/act-as';
import { demoActors, seeded } from './support/fixtures';
import { freshDb, type TestDb } from './support/test-db';

/** Issue 19 item 5: Prendi in carico, Assegna a, Rilascia — one winner under a race, only active clerks. */
let t: TestDb;
let office: Actor, laura: Actor, marta: Actor, prv2: Actor, anna: Actor;
let disabledClerk = '';
let conversionId = '';
let martaVoucher = '';
const ASSIGN_ACTIONS = ['conversion.taken_in_charge', 'conversion.assigned', 'conversion.released'];

async function clerk(codiceFiscale: string, givenName: string, familyName: string, active = true) {
  const [u] = await t.db
    .insert(users)
    .values({
      codiceFiscale,
      givenName,
      familyName,
      email: `${givenName}.${familyName}@provincia.tn.example.it`.toLowerCase(),
      role: 'office',
      passwordHash: 'unused',
      active,
    })
    .returning();
  return u!.id;
}

beforeAll(async () => {
  t = await freshDb();
  await seeded(t.db);
  useDb(t.db);
  ({ office, marta, prv2, anna } = await demoActors(t.db));
  const lauraId = await clerk('BRNLRA85A41L378E', 'Laura', 'Bruni');
  laura = { userId: lauraId, role: 'office', providerId: null, ip: '127.0.0.1', requestId: 'test' };
  disabledClerk = await clerk('VLNGNN70A01L378Q', 'Giovanni', 'Valenti', false);
  martaVoucher = (await t.db.select().from(vouchers).where(eq(vouchers.number, 'BS-2020-0003')))[0]!.id;
  conversionId = (await t.db.select().from(conversions).where(eq(conversions.voucherId, martaVoucher)))[0]!.id;
});
afterAll(() => t.close());

/** Marta's conversion as seeded: submitted, nobody in charge, no assignment events. */
async function reset(assignedTo: string | null = null) {
  await t.db
    .update(conversions)
    .set({
      status: 'submitted',
      decidedAt: null,
      decidedBy: null,
      assignedTo,
      assignedAt: assignedTo ? new Date('2026-11-20T09:30:00Z') : null,
    })
    .where(eq(conversions.id, conversionId));
  await t.db.delete(auditEvents).where(inArray(auditEvents.action, ASSIGN_ACTIONS));
}

const current = async () => (await t.db.select().from(conversions).where(eq(conversions.id, conversionId)))[0]!;
const assignmentEvents = () =>
  t.db
    .select()
    .from(auditEvents)
    .where(and(eq(auditEvents.entityId, martaVoucher), inArray(auditEvents.action, ASSIGN_ACTIONS)))
    .orderBy(asc(auditEvents.id));
async function state() {
  return JSON.stringify([await current(), (await t.db.select().from(auditEvents)).length]);
}

describe('Prendi in carico', () => {
  beforeEach(() => reset());

  it('puts the clerk in charge, audited, on the office timeline and in the queue, not on the family’s', async () => {
    const now = new Date('2026-11-26T08:15:00Z');
    expect(await takeConversion(t.db, office, { conversionId }, { now })).toMatchObject({
      assigneeName: 'Chiara Conti',
    });
    expect(await current()).toMatchObject({ assignedTo: office.userId, assignedAt: now, status: 'submitted' });
    const [event] = await assignmentEvents();
    expect(event).toMatchObject({
      action: 'conversion.taken_in_charge',
      actorId: office.userId,
      actorRole: 'office',
      entityType: 'voucher',
      before: { conversionId, assigneeId: null, assigneeName: null },
      after: { conversionId, assigneeId: office.userId, assigneeName: 'Chiara Conti' },
    });

    const file = await getOfficeConversionFile(t.db, officeScope(office), conversionId);
    expect(file!.assignee).toEqual({ id: office.userId, name: 'Chiara Conti' });
    expect(file!.events.map((e) => describeVoucherEvent(e))).toContain('Pratica presa in carico');
    const family = await getFamilyVoucherFile(t.db, marta.userId, martaVoucher);
    expect(family!.events.map((e) => e.action)).not.toContain('conversion.taken_in_charge');

    const page = await officeQueue(t.db, officeScope(office), officeQueueQuerySchema.parse({}));
    expect(page.rows.find((r) => r.id === conversionId)).toMatchObject({
      assigneeId: office.userId,
      assigneeGivenName: 'Chiara',
      assigneeFamilyName: 'Conti',
    });
  });

  it('refuses a case someone has, saying who and since when, and changes nothing', async () => {
    await reset(laura.userId);
    const before = await state();
    await expect(takeConversion(t.db, office, { conversionId })).rejects.toThrow(
      /già in carico a Laura Bruni dal 20\/11\/2026, 10:30/,
    );
    expect(await state()).toBe(before);
  });
});

describe('two clerks taking the same case at once', () => {
  it.each([1, 2, 3])('round %i: one wins, the other is told who has it, one audit event', async () => {
    await reset();
    const results = await Promise.allSettled([
      takeConversion(t.db, office, { conversionId }),
      takeConversion(t.db, laura, { conversionId }),
    ]);
    const won = results.filter((r) => r.status === 'fulfilled');
    const lost = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
    expect(won).toHaveLength(1);
    expect(lost).toHaveLength(1);
    const winner = (await current()).assignedTo;
    expect([office.userId, laura.userId]).toContain(winner);
    const winnerName = winner === office.userId ? 'Chiara Conti' : 'Laura Bruni';
    expect(lost[0]!.reason).toMatchObject({ code: 'invalid_state' });
    expect(String(lost[0]!.reason.message)).toContain(`già in carico a ${winnerName}`);
    const events = await assignmentEvents();
    expect(events).toHaveLength(1);
    expect(events[0]!.actorId).toBe(winner);
  });
});

describe('Assegna a', () => {
  beforeEach(() => reset(office.userId));

  it('hands the case to another active clerk, with who had it before in the audit', async () => {
    await assignConversion(t.db, office, { conversionId, assigneeId: laura.userId, expectedAssigneeId: office.userId });
    expect((await current()).assignedTo).toBe(laura.userId);
    const [event] = await assignmentEvents();
    expect(event).toMatchObject({
      action: 'conversion.assigned',
      actorId: office.userId,
      before: { conversionId, assigneeId: office.userId, assigneeName: 'Chiara Conti' },
      after: { conversionId, assigneeId: laura.userId, assigneeName: 'Laura Bruni' },
    });
    expect(describeVoucherEvent(event!)).toBe('Pratica assegnata a Laura Bruni');
  });

  it('takes a case over from a colleague when the page showed that colleague in charge', async () => {
    await reset(laura.userId);
    await assignConversion(t.db, office, { conversionId, assigneeId: office.userId, expectedAssigneeId: laura.userId });
    expect((await current()).assignedTo).toBe(office.userId);
  });

  it('refuses when the case changed hands since the page was shown, saying who has it', async () => {
    await reset(laura.userId);
    const before = await state();
    await expect(
      assignConversion(t.db, office, { conversionId, assigneeId: office.userId, expectedAssigneeId: null }),
    ).rejects.toThrow(/già in carico a Laura Bruni/);
    expect(await state()).toBe(before);
  });

  it.each([
    ['a provider’s clerk', () => prv2.userId],
    ['a family', () => anna.userId],
    ['a deactivated office clerk', () => disabledClerk],
    ['nobody known', () => '00000000-0000-4000-8000-000000000000'],
  ])('refuses %s with the field’s message and changes nothing', async (_who, id) => {
    const before = await state();
    await expect(
      assignConversion(t.db, office, { conversionId, assigneeId: id(), expectedAssigneeId: office.userId }),
    ).rejects.toMatchObject({
      code: 'invalid_input',
      fieldErrors: {
        assigneeId: 'La pratica può essere assegnata solo a un operatore dell’ufficio con un’utenza attiva.',
      },
    });
    expect(await state()).toBe(before);
  });

  it('refuses assigning to whoever already has it', async () => {
    const before = await state();
    await expect(
      assignConversion(t.db, office, { conversionId, assigneeId: office.userId, expectedAssigneeId: office.userId }),
    ).rejects.toMatchObject({ code: 'invalid_input' });
    expect(await state()).toBe(before);
  });

  it('offers only the active office clerks', async () => {
    const clerks = await activeOfficeClerks(t.db, officeScope(office));
    // The demo's two clerks and Laura; Giovanni Valenti is disabled.
    expect(clerks.map((c) => c.name)).toEqual(['Laura Bruni', 'Chiara Conti', 'Davide Moser']);
  });
});

describe('Rilascia', () => {
  it('leaves the case to nobody, audited', async () => {
    await reset(laura.userId);
    await releaseConversion(t.db, office, { conversionId, expectedAssigneeId: laura.userId });
    expect(await current()).toMatchObject({ assignedTo: null, assignedAt: null });
    const [event] = await assignmentEvents();
    expect(event).toMatchObject({
      action: 'conversion.released',
      actorId: office.userId,
      before: { conversionId, assigneeId: laura.userId, assigneeName: 'Laura Bruni' },
      after: { conversionId, assigneeId: null, assigneeName: null },
    });
  });

  it('refuses a stale release (someone else took it meanwhile) and one of a case nobody has', async () => {
    await reset(office.userId);
    const before = await state();
    await expect(releaseConversion(t.db, laura, { conversionId, expectedAssigneeId: laura.userId })).rejects.toThrow(
      /già in carico a Chiara Conti/,
    );
    await expect(releaseConversion(t.db, laura, { conversionId, expectedAssigneeId: null })).rejects.toMatchObject({
      code: 'invalid_state',
    });
    expect(await state()).toBe(before);
  });
});

describe('what cannot be taken in charge', () => {
  it('a decided case, and a conversion the family has not signed', async () => {
    await reset();
    await t.db.update(conversions).set({ status: 'approved' }).where(eq(conversions.id, conversionId));
    await expect(takeConversion(t.db, office, { conversionId })).rejects.toMatchObject({ code: 'invalid_state' });
    const [annaVoucher] = await t.db.select().from(vouchers).where(eq(vouchers.number, 'BS-2020-0001'));
    const [draft] = await t.db.insert(conversions).values({ voucherId: annaVoucher!.id }).returning();
    await expect(takeConversion(t.db, office, { conversionId: draft!.id })).rejects.toMatchObject({
      code: 'not_found',
    });
    await t.db.delete(conversions).where(eq(conversions.id, draft!.id));
  });

  it('families and providers are refused at the service', async () => {
    await reset();
    for (const a of [anna, prv2])
      await expect(takeConversion(t.db, a, { conversionId })).rejects.toMatchObject({ code: 'forbidden' });
  });
});

describe('any clerk may still decide', () => {
  it('a case in Laura’s charge is approved by Chiara; the audit says Chiara decided', async () => {
    await reset(laura.userId);
    await approveConversion(t.db, office, { conversionId });
    const [c, [decided]] = await Promise.all([
      current(),
      t.db
        .select()
        .from(auditEvents)
        .where(and(eq(auditEvents.entityId, martaVoucher), eq(auditEvents.action, 'conversion.approved'))),
    ]);
    expect(c).toMatchObject({ status: 'approved', decidedBy: office.userId, assignedTo: laura.userId });
    expect(decided!.actorId).toBe(office.userId);
  });
});

describe('the queue’s filters', () => {
  it('"assegnate a me" and "non assegnate" split the cases by who has them', async () => {
    await reset(laura.userId);
    const ids = async (actor: Actor, incarico?: string) =>
      (
        await officeQueue(
          t.db,
          officeScope(actor),
          officeQueueQuerySchema.parse({ stato: 'tutte', ...(incarico ? { incarico } : {}) }),
        )
      ).rows.map((r) => r.id);
    expect(await ids(laura, 'mie')).toEqual([conversionId]);
    expect(await ids(office, 'mie')).toEqual([]);
    expect(await ids(office, 'libere')).not.toContain(conversionId);
    await reset();
    expect(await ids(office, 'libere')).toContain(conversionId);
    expect(officeQueueQuerySchema.parse({ incarico: 'di-tutti' }).incarico).toBeUndefined();
  });
});

describe('the form action', () => {
  const form = (...fields: [string, string][]) => {
    const fd = new FormData();
    for (const [k, v] of fields) fd.append(k, v);
    return fd;
  };
  const op = (intent: string, id: string, expected = '') => ['op', `${intent}:${id}:${expected}`] as [string, string];
  const select = (id: string, who: string) => [`assigneeId:${id}`, who] as [string, string];

  it('takes, then says an empty "Assegna a" needs a choice, then releases (the conversion file’s forms)', async () => {
    await reset();
    actAs(office);
    expect(await changeAssignmentAction(null, form(op('take', conversionId)))).toMatchObject({
      ok: true,
      data: { intent: 'take', self: true, protocolNumber: expect.any(String) },
    });
    expect(
      await changeAssignmentAction(null, form(op('assign', conversionId, office.userId), select(conversionId, ''))),
    ).toMatchObject({
      ok: false,
      code: 'invalid_input',
      fieldErrors: { assigneeId: 'Scegli a chi assegnare la pratica.' },
    });
    expect(
      await changeAssignmentAction(
        null,
        form(op('assign', conversionId, office.userId), select(conversionId, laura.userId)),
      ),
    ).toMatchObject({ ok: true, data: { intent: 'assign', self: false, assigneeName: 'Laura Bruni' } });
    expect(await changeAssignmentAction(null, form(op('release', conversionId, laura.userId)))).toMatchObject({
      ok: true,
      data: { intent: 'release' },
    });
    expect((await current()).assignedTo).toBeNull();
    expect((await assignmentEvents()).map((e) => e.action)).toEqual([
      'conversion.taken_in_charge',
      'conversion.assigned',
      'conversion.released',
    ]);
  });

  describe('the queue’s one form: every row’s select is posted, only the pressed row’s is read', () => {
    let other = '';
    const assigneeOf = async (id: string) =>
      (await t.db.select().from(conversions).where(eq(conversions.id, id)))[0]!.assignedTo;
    // Row B: a second case waiting in the queue, on Anna's voucher.
    beforeAll(async () => {
      const [annaVoucher] = await t.db.select().from(vouchers).where(eq(vouchers.number, 'BS-2020-0001'));
      const [b] = await t.db
        .insert(conversions)
        .values({
          voucherId: annaVoucher!.id,
          status: 'submitted',
          protocolNumber: 'MPES-2026-990001',
          submittedAt: new Date('2026-11-20T09:00:00Z'),
        })
        .returning();
      other = b!.id;
    });
    afterAll(() => t.db.delete(conversions).where(eq(conversions.id, other)));
    beforeEach(async () => {
      await reset(office.userId);
      await t.db.update(conversions).set({ assignedTo: null, assignedAt: null }).where(eq(conversions.id, other));
      actAs(office);
    });

    it('row A’s Assegna with row B’s select set to someone assigns A as A’s select says, and leaves B alone', async () => {
      const r = await changeAssignmentAction(
        null,
        form(
          ['$ACTION_ID_0123', ''],
          select(other, office.userId),
          select(conversionId, laura.userId),
          op('assign', conversionId, office.userId),
        ),
      );
      expect(r).toMatchObject({ ok: true, data: { intent: 'assign', self: false, assigneeName: 'Laura Bruni' } });
      expect(await assigneeOf(conversionId)).toBe(laura.userId);
      expect(await assigneeOf(other)).toBeNull();
      expect((await assignmentEvents()).map((e) => e.action)).toEqual(['conversion.assigned']);
    });

    it('row A’s Assegna with only row B’s select chosen asks for a choice and changes nothing', async () => {
      const before = await state();
      expect(
        await changeAssignmentAction(
          null,
          form(select(other, laura.userId), op('assign', conversionId, office.userId)),
        ),
      ).toMatchObject({
        ok: false,
        code: 'invalid_input',
        fieldErrors: { assigneeId: 'Scegli a chi assegnare la pratica.' },
      });
      expect(await state()).toBe(before);
      expect(await assigneeOf(other)).toBeNull();
    });

    it('row B’s Prendi in carico ignores a choice left in row A’s select', async () => {
      expect(
        await changeAssignmentAction(null, form(select(conversionId, laura.userId), op('take', other))),
      ).toMatchObject({ ok: true, data: { intent: 'take', self: true } });
      expect(await assigneeOf(other)).toBe(office.userId);
      expect(await assigneeOf(conversionId)).toBe(office.userId);
    });

    // Thunks: the ids are known only once the database is seeded.
    it.each([
      [
        'an unknown operation',
        () => [op('steal', conversionId, office.userId)],
        { 'op.intent': 'Operazione non valida.' },
      ],
      ['an operation without its parts', () => [['op', 'assign']], { op: 'Operazione non valida.' }],
      [
        'an operation with a part too many',
        () => [['op', `take:${conversionId}::x`]],
        { op: 'Operazione non valida.' },
      ],
      ['a case that is no id', () => [op('take', 'pratica-1')], { 'op.conversionId': 'Identificativo non valido.' }],
      [
        'an expected clerk that is no id',
        () => [op('release', conversionId, 'chiara')],
        { 'op.expectedAssigneeId': 'Identificativo non valido.' },
      ],
      [
        'a chosen clerk that is no id',
        () => [op('assign', conversionId, office.userId), select(conversionId, 'laura')],
        { assigneeId: 'Identificativo non valido.' },
      ],
      ['no button at all', () => [select(conversionId, laura.userId)], { op: 'Operazione non valida.' }],
    ] as [string, () => [string, string][], Record<string, string>][])(
      'refuses %s with its message and changes nothing',
      async (_what, fields, fieldErrors) => {
        const before = await state();
        expect(await changeAssignmentAction(null, form(...fields()))).toMatchObject({
          ok: false,
          code: 'invalid_input',
          fieldErrors,
        });
        expect(await state()).toBe(before);
        expect(await assigneeOf(other)).toBeNull();
      },
    );

    it('refuses two buttons at once, and a name the schema does not declare', async () => {
      const before = await state();
      expect(
        await changeAssignmentAction(
          null,
          form(op('assign', conversionId, office.userId), op('take', other), select(conversionId, laura.userId)),
        ),
      ).toMatchObject({ ok: false, code: 'invalid_input' });
      expect(await changeAssignmentAction(null, form(op('take', other), ['conversionId', other]))).toMatchObject({
        ok: false,
        code: 'invalid_input',
      });
      expect(await state()).toBe(before);
      expect(await assigneeOf(other)).toBeNull();
    });
  });
});
