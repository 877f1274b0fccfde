import { eq, like } from 'drizzle-orm';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { conversions, notificationOutbox, providers, scheduledJobs } from '@/db/schema';
import { setTestNow } from '@/lib/clock';
import { endOfRomeDay } from '@/lib/domain/terms';
import { runJobs } from '@/lib/services/jobs/run-jobs';
import { fillMissingDueDates } from '@/lib/services/terms/fill-missing-due-dates';
import { auditEvents, pes } from '@/db/schema';
import { overdueProviderSteps } from '@/db/queries/waiting-steps';
import { sendPesReminderAction } from '@/lib/actions/office/send-pes-reminder';
import { sendPesReminder } from '@/lib/services/office/send-pes-reminder';
import { actAs, useDb } from './support/act-as';
import {
  createFamilyWithVoucher,
  createProvider,
  createUser,
  type BuiltFamily,
  type BuiltProvider,
} from './support/builders';
import { outboxTo } from './support/fixtures';
import { freshDb, type TestDb } from './support/test-db';

/**
 * Issue 19 items 5-6: durable jobs claimed with SKIP LOCKED and keyed per day, run by two runners at the
 * same moment; the providers' daily digest, the office's digest and the families' reminders, exactly once.
 * The clock is moved, nobody sleeps.
 */
let t: TestDb;
let busy: BuiltProvider, calm: BuiltProvider, silent: BuiltProvider;
let returned: BuiltFamily, waitingOffice: BuiltFamily;
const OFFICE = 'ufficio.test@provincia.tn.example.it';
const previousOfficeEmail = process.env.OFFICE_EMAIL;

// Thursday 2 July 2026, 09:00 in Rome.
const THURSDAY = '2026-07-02T07:00:00Z';
const due = (day: string) => endOfRomeDay(day);

beforeAll(async () => {
  process.env.OFFICE_EMAIL = OFFICE;
  t = await freshDb();
  [busy, calm, silent] = [await createProvider(t.db), await createProvider(t.db), await createProvider(t.db)];
  // A provider whose address was never given (imported data): it cannot be reminded, the office is told.
  await t.db.update(providers).set({ email: '' }).where(eq(providers.id, silent.id));
  const asked = new Date('2026-06-15T08:00:00Z');
  await createFamilyWithVoucher(t.db, {
    pes: [
      { provider: busy, status: 'close_requested', closeRequestedAt: asked, closeDueAt: due('2026-06-30') },
      // Due Monday 6 July: the second working day after Thursday (Friday, Monday), so in the digest.
      { provider: busy, status: 'close_requested', closeRequestedAt: asked, closeDueAt: due('2026-07-06') },
      { provider: busy, status: 'close_requested', closeRequestedAt: asked, closeDueAt: due('2026-07-20') },
      { provider: calm, status: 'close_requested', closeRequestedAt: asked, closeDueAt: due('2026-07-20') },
      { provider: silent, status: 'close_requested', closeRequestedAt: asked, closeDueAt: due('2026-06-29') },
    ],
  });
  returned = await createFamilyWithVoucher(t.db, { conversion: 'returned' });
  await t.db
    .update(conversions)
    .set({
      submittedAt: new Date('2026-06-10T08:00:00Z'),
      protocolNumber: 'MPES-2026-900001',
      decisionTermDays: 30,
      decisionDaysUsed: 12,
      decisionSuspendedAt: new Date('2026-06-22T08:00:00Z'),
      integrationDueAt: due('2026-07-05'),
    })
    .where(eq(conversions.id, returned.conversionId!));
  waitingOffice = await createFamilyWithVoucher(t.db, { conversion: 'submitted' });
  await t.db
    .update(conversions)
    .set({
      submittedAt: new Date('2026-05-29T08:00:00Z'),
      protocolNumber: 'MPES-2026-900002',
      decisionTermDays: 30,
      decisionDueAt: due('2026-07-01'),
    })
    .where(eq(conversions.id, waitingOffice.conversionId!));
});
afterAll(async () => {
  process.env.OFFICE_EMAIL = previousOfficeEmail;
  await t.close();
});
afterEach(() => setTestNow(null));

const digests = async (to: string) => (await outboxTo(t.db, to)).filter((m) => m.subject.startsWith('Promemoria PES'));
const outboxSize = async () => (await t.db.select().from(notificationOutbox)).length;

describe('scheduled reminders', () => {
  it('two runners at the same moment: one digest per provider, the right content, the office told', async () => {
    setTestNow(THURSDAY);
    const [a, b] = await Promise.all([runJobs(t.db), runJobs(t.db)]);
    expect(a.failed + b.failed).toBe(0);

    const [digest, ...more] = await digests(busy.email);
    expect(more).toEqual([]);
    expect(digest!.subject).toBe(`Promemoria PES in attesa — ${busy.name} — 02/07/2026`);
    expect(digest!.textBody).toMatch(
      /Termine scaduto \(1\):\s+• PES \S+ — chiusura richiesta — scaduto il 30\/06\/2026/,
    );
    expect(digest!.textBody).toMatch(
      /In scadenza entro 2 giorni lavorativi \(1\):\s+• PES \S+ — chiusura richiesta — entro il 06\/07\/2026/,
    );
    expect(digest!.textBody).toContain('Altri PES in attesa con scadenza successiva: 1.');
    expect(digest!.textBody).not.toContain('20/07/2026');
    // Nothing due soon or overdue: no e-mail, never one per PES.
    expect(await digests(calm.email)).toEqual([]);

    const office = (await outboxTo(t.db, OFFICE)).filter((m) => m.subject.startsWith('PES in ritardo'));
    expect(office).toHaveLength(1);
    expect(office[0]!.textBody).toContain('Sono 2 i PES con il termine scaduto presso 2 soggetti erogatori.');
    expect(office[0]!.textBody).toContain(`${silent.name} (1) — nessun indirizzo e-mail`);
    expect(office[0]!.textBody).toContain(`${busy.name} (1)`);

    // The families: a reminder three days before the answer is due, and the office's passed term.
    const family = await outboxTo(t.db, returned.family.email);
    expect(family.map((m) => m.subject)).toEqual([
      `Promemoria: rispondi entro il 05/07/2026 — buono ${returned.voucher.number}`,
    ]);
    const passed = await outboxTo(t.db, waitingOffice.family.email);
    expect(passed.map((m) => m.subject)).toEqual([
      `Termine scaduto senza decisione — buono ${waitingOffice.voucher.number}`,
    ]);
    expect(passed[0]!.textBody).toContain('è scaduto il 01/07/2026 senza una decisione');
    // The same two messages on App IO (the dev sink stands in for it here), addressed by codice fiscale.
    for (const [who, subject] of [
      [returned.family, 'Promemoria: rispondi entro il 05/07/2026'],
      [waitingOffice.family, 'Termine scaduto senza decisione'],
    ] as const) {
      const io = await outboxTo(t.db, who.codiceFiscale);
      expect(io.map((m) => [m.channel, m.subject.startsWith(subject)])).toEqual([['io', true]]);
    }

    const jobs = await t.db.select().from(scheduledJobs);
    expect(
      jobs
        .filter((j) => j.kind === 'provider_digest')
        .map((j) => j.key)
        .sort(),
    ).toEqual([busy.id, calm.id, silent.id].map((id) => `digest:provider:${id}:2026-07-02`).sort());
    expect(jobs.find((j) => j.key === `digest:provider:${silent.id}:2026-07-02`)!.outcome).toMatchObject({
      sent: false,
      reason: 'no_email',
    });
    expect(jobs.every((j) => j.status === 'done')).toBe(true);
  });

  it('a rerun the same day sends nothing more', async () => {
    setTestNow('2026-07-02T15:00:00Z');
    const before = await outboxSize();
    await runJobs(t.db);
    await runJobs(t.db);
    expect(await outboxSize()).toBe(before);
  });

  it('the next working day brings the next digest; a Saturday none; the family’s reminder is not repeated', async () => {
    setTestNow('2026-07-03T06:00:00Z');
    await runJobs(t.db);
    expect(await digests(busy.email)).toHaveLength(2);
    expect(await outboxTo(t.db, returned.family.email)).toHaveLength(1);
    expect(await outboxTo(t.db, waitingOffice.family.email)).toHaveLength(1);
    setTestNow('2026-07-04T06:00:00Z');
    const before = await outboxSize();
    await runJobs(t.db);
    expect(await outboxSize()).toBe(before);
    expect(await t.db.select().from(scheduledJobs).where(like(scheduledJobs.key, 'digest:%:2026-07-04'))).toEqual([]);
  });

  it('before 07:00 in Rome the day’s plan waits', async () => {
    setTestNow('2026-07-06T04:30:00Z');
    const before = await outboxSize();
    expect(await runJobs(t.db)).toEqual({ done: 0, failed: 0 });
    expect(await outboxSize()).toBe(before);
    const [plan] = await t.db.select().from(scheduledJobs).where(eq(scheduledJobs.key, 'plan:daily:2026-07-06'));
    expect(plan).toMatchObject({ status: 'pending' });
    expect(plan!.runAfter.toISOString()).toBe('2026-07-06T05:00:00.000Z');
  });
});

describe('«Invia sollecito» and «In ritardo»', () => {
  it('lists overdue provider steps by provider; a formal reminder at most once a day per PES, audited', async () => {
    useDb(t.db);
    const clerk = await createUser(t.db, 'office', null, { given: 'Laura', family: 'Bruni' });
    const other = await createUser(t.db, 'office', null, { given: 'Sara', family: 'Conti' });
    setTestNow('2026-07-07T08:00:00Z');
    const late = await overdueProviderSteps(t.db, new Date('2026-07-07T08:00:00Z'));
    // busy: 30 June and 6 July are both past on 7 July; silent: 29 June. Grouped by provider, soonest due first.
    expect(late.total).toBe(3);
    const busySteps = late.steps.filter((s) => s.providerId === busy.id);
    expect(busySteps.map((s) => s.dueAt.getTime())).toEqual([due('2026-06-30').getTime(), due('2026-07-06').getTime()]);
    expect(late.steps.filter((s) => s.providerId === silent.id)).toHaveLength(1);
    const target = late.steps.find((s) => s.providerId === busy.id)!;

    actAs(clerk);
    expect(await sendPesReminderAction({ pesId: target.pesId })).toMatchObject({
      ok: true,
      data: { code: target.code },
    });
    const mail = (await outboxTo(t.db, busy.email)).filter((m) => m.subject.startsWith('Sollecito'));
    expect(mail).toHaveLength(1);
    expect(mail[0]!.subject).toBe(`Sollecito — PES ${target.code} — termine scaduto il 30/06/2026`);

    // A second clerk the same day: a typed refusal, nothing sent.
    actAs(other);
    expect(await sendPesReminderAction({ pesId: target.pesId })).toMatchObject({ ok: false, code: 'already_reminded' });
    expect((await outboxTo(t.db, busy.email)).filter((m) => m.subject.startsWith('Sollecito'))).toHaveLength(1);
    expect(
      (await overdueProviderSteps(t.db, new Date('2026-07-07T08:00:00Z'))).steps.find((s) => s.pesId === target.pesId)!
        .remindedToday,
    ).toBe(true);

    // The next day it may be sent again.
    await sendPesReminder(t.db, other, { pesId: target.pesId }, { now: new Date('2026-07-08T07:00:00Z') });
    expect((await outboxTo(t.db, busy.email)).filter((m) => m.subject.startsWith('Sollecito'))).toHaveLength(2);
    const audits = await t.db.select().from(auditEvents).where(eq(auditEvents.action, 'pes.reminder_sent'));
    expect(audits.map((a) => a.actorId)).toEqual([clerk.userId, other.userId]);

    // Not for a provider without an e-mail, nor for a PES no longer waiting; families and providers cannot.
    const silentStep = late.steps.find((s) => s.providerId === silent.id)!;
    actAs(clerk);
    expect(await sendPesReminderAction({ pesId: silentStep.pesId })).toMatchObject({
      ok: false,
      code: 'invalid_state',
    });
    await t.db.update(pes).set({ status: 'closed', usedCents: 0 }).where(eq(pes.id, silentStep.pesId));
    expect(await sendPesReminderAction({ pesId: silentStep.pesId })).toMatchObject({
      ok: false,
      code: 'invalid_state',
    });
    actAs(busy.staff);
    expect(await sendPesReminderAction({ pesId: target.pesId })).toMatchObject({ ok: false, code: 'forbidden' });
  });
});

describe('a database upgraded from before the terms', () => {
  it('gets the missing due dates of waiting steps at the next daily plan, once', async () => {
    const late = await createProvider(t.db);
    const before = await createFamilyWithVoucher(t.db, {
      pes: [{ provider: late, status: 'close_requested', closeRequestedAt: new Date('2026-07-08T08:00:00Z') }],
    });
    const pesId = before.pes[0]!.id;
    await t.db.update(pes).set({ closeDueAt: null }).where(eq(pes.id, pesId));
    setTestNow('2026-07-09T06:30:00Z');
    await runJobs(t.db);
    const [row] = await t.db.select({ closeDueAt: pes.closeDueAt }).from(pes).where(eq(pes.id, pesId));
    // Ten working days from Wednesday 8 July 2026: Wednesday 22 July, at the end of the Rome day.
    expect(row!.closeDueAt).toEqual(due('2026-07-22'));
  });

  it('fills validations and office terms by the Rome day they started, a returned one suspended', async () => {
    const provider = await createProvider(t.db);
    const validating = await createFamilyWithVoucher(t.db, {
      // 00:30 in Rome on Wednesday 8 July, still the 7th in UTC: the Rome day counts.
      pes: [
        {
          provider,
          kind: 'babysitting_covid',
          status: 'awaiting_validation',
          validationRequestedAt: new Date('2026-07-07T22:30:00Z'),
        },
      ],
    });
    await t.db.update(pes).set({ validationDueAt: null }).where(eq(pes.id, validating.pes[0]!.id));
    const signed = await createFamilyWithVoucher(t.db, {
      conversion: 'submitted',
      pes: [{ provider, kind: 'summer_covid', status: 'validated' }],
    });
    await t.db
      .update(conversions)
      .set({ submittedAt: new Date('2026-07-08T08:00:00Z') })
      .where(eq(conversions.id, signed.conversionId!));
    const back = await createFamilyWithVoucher(t.db, {
      conversion: 'returned',
      pes: [{ provider, kind: 'babysitting_covid', status: 'validated' }],
    });
    const returnedAt = new Date('2026-07-06T08:00:00Z');
    await t.db
      .update(conversions)
      .set({ submittedAt: new Date('2026-07-01T08:00:00Z'), decidedAt: returnedAt })
      .where(eq(conversions.id, back.conversionId!));

    const filled = await fillMissingDueDates(t.db);
    expect(filled).toEqual({ pes: 1, conversions: 2 });
    const [v] = await t.db.select().from(pes).where(eq(pes.id, validating.pes[0]!.id));
    // Five working days from Wednesday 8 July: 9, 10, 13, 14, 15.
    expect(v!.validationDueAt).toEqual(due('2026-07-15'));
    const [s] = await t.db.select().from(conversions).where(eq(conversions.id, signed.conversionId!));
    // Thirty calendar days: Friday 7 August.
    expect(s).toMatchObject({ decisionTermDays: 30, decisionDaysUsed: 0, decisionSuspendedAt: null });
    expect(s!.decisionDueAt).toEqual(due('2026-08-07'));
    const [r] = await t.db.select().from(conversions).where(eq(conversions.id, back.conversionId!));
    // Five days used before Richiedi integrazione; the family answers within ten: Thursday 16 July.
    expect(r).toMatchObject({ decisionTermDays: 30, decisionDaysUsed: 5, decisionDueAt: null });
    expect(r!.decisionSuspendedAt).toEqual(returnedAt);
    expect(r!.integrationDueAt).toEqual(due('2026-07-16'));
    expect(await fillMissingDueDates(t.db)).toEqual({ pes: 0, conversions: 0 });
  });
});
