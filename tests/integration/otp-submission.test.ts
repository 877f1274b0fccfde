import { and, eq, inArray } from 'drizzle-orm';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { auditEvents, conversions, conversionSubmissions, notificationOutbox, otpCodes, pes } from '@/db/schema';
import type { Actor } from '@/lib/auth/actor';
import { parseProtocolNumber } from '@/lib/domain/protocol-number';
import { confirmSubmissionAction, sendOtpAction } from '@/lib/actions/family/submission';
import { confirmSubmission } from '@/lib/services/family/confirm-submission';
import { deleteNewPes } from '@/lib/services/family/delete-new-pes';
import { requestValidation } from '@/lib/services/family/request-validation';
import { sendOtp } from '@/lib/services/family/send-otp';
import { buildDossier } from '@/db/queries/build-dossier';
import { actAs, useDb } from './support/act-as';
import { demoActors, seeded } from './support/fixtures';
import { giuliaReadyToSign, lastCodeSentTo, readyFamilies } from './support/signing';
import { preparedDb, type TestDb } from './support/test-db';

const GIULIA_MOBILE = '+393470000002';
let t: TestDb;
let giulia: Actor, anna: Actor;
let voucherId = '';
let clock = new Date('2026-11-26T09:00:00Z');
const later = (seconds: number) => new Date(clock.getTime() + seconds * 1000);
const tick = (seconds: number) => (clock = later(seconds));
const send = () => sendOtp(t.db, giulia, { voucherId }, { now: clock });
const confirm = (code: string, now = clock) =>
  confirmSubmission(t.db, giulia, { voucherId, code }, { now, userAgent: 'vitest' });
const wrongOf = (code: string) => String((Number(code) + 1) % 1_000_000).padStart(6, '0');
const conversion = async () => (await t.db.select().from(conversions).where(eq(conversions.voucherId, voucherId)))[0]!;

// Each test starts from Giulia's ready conversion on a fresh copy of one database prepared once, with the clock
// far from the last send.
let ready: Awaited<ReturnType<typeof preparedDb>>;
beforeAll(async () => {
  ready = await preparedDb(async (db) => {
    await seeded(db);
    const actors = await demoActors(db);
    ({ voucherId } = await giuliaReadyToSign(db, actors.giulia, actors.prv1));
  });
});
afterAll(() => ready.drop());
beforeEach(async () => {
  t = await ready.fresh();
  ({ giulia, anna } = await demoActors(t.db));
  clock = new Date(clock.getTime() + 3_600_000);
});
afterEach(() => t.close());

describe('OTP signing (guide §4, O1–O3)', () => {
  it('accepts the code 180 s after sending and refuses it at 181 s', async () => {
    await send();
    const code = await lastCodeSentTo(t.db, GIULIA_MOBILE);
    await expect(confirm(code, later(181))).rejects.toMatchObject({ code: 'otp_expired' });
    const r = await confirm(code, later(180));
    expect(parseProtocolNumber(r.protocolNumber)).not.toBeNull();
    expect((await conversion()).status).toBe('submitted');
  });

  it('stores only a hash, masks the number from the profile and binds the code to the dossier', async () => {
    const sent = await send();
    const code = await lastCodeSentTo(t.db, GIULIA_MOBILE);
    const [row] = await t.db.select().from(otpCodes).where(eq(otpCodes.id, sent.otpId));
    expect(row!.codeHash).not.toContain(code);
    expect(row!.maskedMobile).toBe('+39 ••• ••• 0002');
    expect(row!.dossierSha256).toBe((await buildDossier(t.db, row!.conversionId))!.sha256);
    const events = await t.db.select().from(auditEvents).where(eq(auditEvents.action, 'conversion.otp_sent'));
    expect(JSON.stringify(events)).not.toContain(code);
  });

  it('counts a wrong code, says how many attempts are left, and still accepts the right one', async () => {
    await send();
    const code = await lastCodeSentTo(t.db, GIULIA_MOBILE);
    await expect(confirm(wrongOf(code))).rejects.toMatchObject({
      code: 'otp_wrong',
      message: expect.stringMatching(/Ti restano 4 tentativi/),
    });
    expect((await conversion()).otpFailedTotal).toBe(1);
    expect((await conversion()).status).toBe('ready_to_submit');
    await confirm(code);
    expect((await conversion()).status).toBe('submitted');
  });

  it('kills a code after 5 wrong entries (lock per code): even the right code is then refused', async () => {
    await send();
    const code = await lastCodeSentTo(t.db, GIULIA_MOBILE);
    for (let i = 0; i < 5; i++) await expect(confirm(wrongOf(code))).rejects.toMatchObject({ code: 'otp_wrong' });
    await expect(confirm(code)).rejects.toMatchObject({ code: 'otp_missing' });
    tick(31);
    await send();
    await confirm(await lastCodeSentTo(t.db, GIULIA_MOBILE));
    expect((await conversion()).otpFailedTotal).toBe(5);
  });

  it('locks signing after 100 wrong entries on the account; new codes do not reset it', async () => {
    // 95 earlier failures on this account, then 5 more through new codes.
    await t.db.update(conversions).set({ otpFailedTotal: 95 }).where(eq(conversions.voucherId, voucherId));
    await send();
    const code = await lastCodeSentTo(t.db, GIULIA_MOBILE);
    for (let i = 0; i < 4; i++) await expect(confirm(wrongOf(code))).rejects.toMatchObject({ code: 'otp_wrong' });
    await expect(confirm(wrongOf(code))).rejects.toMatchObject({ code: 'otp_locked' });
    expect((await conversion()).otpLocked).not.toBeNull();
    tick(31);
    await expect(send()).rejects.toMatchObject({ code: 'otp_locked' });
    await expect(confirm(code)).rejects.toMatchObject({ code: 'otp_locked' });
    // The office's "Sblocca la firma" (issue 10) clears the lock and this conversion's count.
    await t.db
      .update(conversions)
      .set({ otpLocked: null, otpFailedTotal: 0 })
      .where(eq(conversions.voucherId, voucherId));
    await send();
    await confirm(await lastCodeSentTo(t.db, GIULIA_MOBILE));
    expect((await conversion()).status).toBe('submitted');
  });

  it('refuses a replaced code: only the latest one signs', async () => {
    await send();
    const first = await lastCodeSentTo(t.db, GIULIA_MOBILE);
    tick(30);
    await send();
    const second = await lastCodeSentTo(t.db, GIULIA_MOBILE);
    if (first !== second) await expect(confirm(first)).rejects.toMatchObject({ code: 'otp_wrong' });
    await confirm(second);
    expect((await t.db.select().from(otpCodes)).filter((c) => c.cancelledAt !== null)).toHaveLength(1);
  });

  it('invalidates the code when the dossier changes after sending', async () => {
    await send();
    const code = await lastCodeSentTo(t.db, GIULIA_MOBILE);
    // A document hash or an amount changing under the code: here the employer confirmation is withdrawn.
    await t.db.update(conversions).set({ employerConfirmedAt: null }).where(eq(conversions.voucherId, voucherId));
    await expect(confirm(code)).rejects.toMatchObject({ code: 'otp_dossier_changed' });
    await t.db.update(conversions).set({ employerConfirmedAt: clock }).where(eq(conversions.voucherId, voucherId));
    await expect(confirm(code)).rejects.toMatchObject({ code: 'otp_missing' });
    expect((await conversion()).status).toBe('ready_to_submit');
  });

  it('limits sends: 30 s between two, 5 in 10 minutes', async () => {
    await send();
    tick(29);
    await expect(send()).rejects.toMatchObject({
      code: 'otp_rate_limited',
      message: expect.stringMatching(/tra 1 secondo/),
    });
    tick(1);
    for (let i = 0; i < 4; i++) {
      await send();
      tick(30);
    }
    await expect(send()).rejects.toMatchObject({
      code: 'otp_rate_limited',
      message: expect.stringMatching(/5 codici negli ultimi 10 minuti/),
    });
    expect(
      await t.db
        .select()
        .from(notificationOutbox)
        .where(and(eq(notificationOutbox.channel, 'sms'), eq(notificationOutbox.recipient, GIULIA_MOBILE))),
    ).toHaveLength(5);
    tick(600);
    await send();
  });

  it('refuses to send a code for a conversion that is not complete', async () => {
    const [p] = await t.db.select().from(pes).where(eq(pes.code, 'BS-2020-0002/2'));
    await t.db.update(pes).set({ status: 'awaiting_validation' }).where(eq(pes.id, p!.id));
    await expect(send()).rejects.toMatchObject({
      code: 'invalid_state',
      message: expect.stringMatching(/in attesa di validazione da Cooperativa Sociale Il Germoglio/),
    });
    await expect(sendOtp(t.db, anna, { voucherId }, { now: clock })).rejects.toMatchObject({ code: 'not_found' });
    expect(await t.db.select().from(otpCodes)).toHaveLength(0);
  });

  it('the valid code posted 5 times at once: one submission, one protocol number, one receipt e-mail, one audit event', async () => {
    await send();
    const code = await lastCodeSentTo(t.db, GIULIA_MOBILE);
    const results = await Promise.allSettled(Array.from({ length: 5 }, () => confirm(code)));
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    for (const r of results) if (r.status === 'rejected') expect(r.reason).toMatchObject({ name: 'AppError' });
    const conv = await conversion();
    expect(
      await t.db.select().from(conversionSubmissions).where(eq(conversionSubmissions.conversionId, conv.id)),
    ).toHaveLength(1);
    expect(
      await t.db
        .select()
        .from(auditEvents)
        .where(and(eq(auditEvents.action, 'conversion.submitted'), eq(auditEvents.entityId, voucherId))),
    ).toHaveLength(1);
    const mails = await t.db
      .select()
      .from(notificationOutbox)
      .where(eq(notificationOutbox.recipient, 'giulia.bianchi@example.it'));
    const receipts = mails.filter((m) => m.subject.startsWith('Ricevuta'));
    expect(receipts).toHaveLength(1);
    expect(receipts[0]!.attachments).toEqual([
      expect.objectContaining({ filename: `ricevuta-${conv.protocolNumber}.pdf`, contentType: 'application/pdf' }),
    ]);
    const notices = await t.db
      .select()
      .from(notificationOutbox)
      .where(eq(notificationOutbox.recipient, 'chiara.conti@provincia.tn.example.it'));
    expect(notices).toHaveLength(1);
    // Rendered before the counter was taken: the number issued under it is in every part, no placeholder left.
    for (const m of [receipts[0]!, notices[0]!]) {
      for (const part of [m.subject, m.textBody, m.htmlBody ?? '']) {
        expect(part).toContain(conv.protocolNumber!);
        expect(part).not.toMatch(/PROTOCOLLO-[0-9a-f]/);
      }
    }
    expect(receipts[0]!.attachments![0]).toMatchObject({
      receiptOfSubmission: (
        await t.db.select().from(conversionSubmissions).where(eq(conversionSubmissions.conversionId, conv.id))
      )[0]!.id,
    });
  });

  it('stores the signature evidence and keeps the number when a returned conversion is signed again', async () => {
    await send();
    const first = await confirm(await lastCodeSentTo(t.db, GIULIA_MOBILE));
    const conv = await conversion();
    expect(conv.signature).toMatchObject({
      maskedMobile: '+39 ••• ••• 0002',
      ip: '127.0.0.1',
      userAgent: 'vitest',
      dossierSha256: (await buildDossier(t.db, conv.id))!.sha256,
    });
    await t.db.update(conversions).set({ status: 'returned' }).where(eq(conversions.id, conv.id));
    tick(60);
    await send();
    const second = await confirm(await lastCodeSentTo(t.db, GIULIA_MOBILE));
    expect(second.protocolNumber).toBe(first.protocolNumber);
    expect(
      await t.db.select().from(conversionSubmissions).where(eq(conversionSubmissions.conversionId, conv.id)),
    ).toHaveLength(2);
  });

  it('nothing can change after submission', async () => {
    await send();
    await confirm(await lastCodeSentTo(t.db, GIULIA_MOBILE));
    const [p] = await t.db.select().from(pes).where(eq(pes.code, 'BS-2020-0002/2'));
    const before = JSON.stringify(await conversion());
    await expect(deleteNewPes(t.db, giulia, { voucherId, pesId: p!.id })).rejects.toMatchObject({
      code: 'invalid_state',
    });
    await expect(requestValidation(t.db, giulia, { voucherId })).rejects.toMatchObject({ code: 'invalid_state' });
    tick(60);
    await expect(send()).rejects.toMatchObject({ code: 'invalid_state' });
    await expect(confirm('123456')).rejects.toMatchObject({ code: 'invalid_state' });
    expect(JSON.stringify(await conversion())).toBe(before);
  });
});

describe('signing actions', () => {
  it('answer with the signing status, a specific message per input mistake, and send the family to the receipt', async () => {
    useDb(t.db);
    actAs(giulia);
    const sent = await sendOtpAction({ voucherId });
    expect(sent).toMatchObject({
      ok: true,
      data: { maskedMobile: '+39 ••• ••• 0002' },
      status: { maskedMobile: '+39 ••• ••• 0002', locked: false, activeCode: { attemptsLeft: 5 } },
    });
    expect(sent.status!.nextSendAt).not.toBeNull();
    const cases = [
      ['', 'Inserisci il codice di 6 cifre ricevuto via SMS.'],
      ['123', 'Il codice è troppo corto: deve avere 6 cifre.'],
      ['12a456', 'Il codice contiene solo cifre (0–9): controlla l’SMS e riscrivilo.'],
      ['1234567', 'Il codice è troppo lungo: deve avere 6 cifre.'],
    ] as const;
    for (const [code, message] of cases) {
      expect(await confirmSubmissionAction({ voucherId, code })).toMatchObject({
        ok: false,
        code: 'invalid_input',
        fieldErrors: { code: message },
      });
    }
    expect(
      await confirmSubmissionAction({ voucherId, code: '123456', protocolNumber: 'MPES-2026-999999' }),
    ).toMatchObject({ ok: false, code: 'invalid_input' });
    expect((await conversion()).otpFailedTotal).toBe(0);
    const code = await lastCodeSentTo(t.db, GIULIA_MOBILE);
    await expect(
      confirmSubmissionAction({ voucherId, code: `${code.slice(0, 3)}-${code.slice(3)}` }),
    ).rejects.toMatchObject({ digest: expect.stringMatching(/^NEXT_REDIRECT;.*\/famiglia\/buoni\/.*\/ricevuta/) });
    expect((await conversion()).status).toBe('submitted');
  });
});

describe('protocol numbers under concurrency', () => {
  it('20 conversions submitted at once get 20 distinct consecutive numbers', async () => {
    const families = await readyFamilies(t.db, 20);
    for (const f of families) await sendOtp(t.db, f.actor, { voucherId: f.voucherId }, { now: clock });
    const codes = await Promise.all(families.map((f) => lastCodeSentTo(t.db, f.mobile)));
    const results = await Promise.all(
      families.map((f, i) =>
        confirmSubmission(t.db, f.actor, { voucherId: f.voucherId, code: codes[i]! }, { now: clock }),
      ),
    );
    const numbers = results.map((r) => parseProtocolNumber(r.protocolNumber)!.n).sort((a, b) => a - b);
    // Marta's seeded submission took number 1 of its year.
    expect(numbers).toEqual(Array.from({ length: 20 }, (_, i) => i + 2));
    const rows = await t.db
      .select()
      .from(conversions)
      .where(
        inArray(
          conversions.voucherId,
          families.map((f) => f.voucherId),
        ),
      );
    expect(new Set(rows.map((r) => r.protocolNumber)).size).toBe(20);
  });
});

describe('the seed', () => {
  it('signs Marta’s submitted conversion with the hash buildDossier gives and a counter-issued number', async () => {
    const [marta] = await t.db.select().from(conversions).where(eq(conversions.status, 'submitted'));
    expect(marta!.signature!.dossierSha256).toBe((await buildDossier(t.db, marta!.id))!.sha256);
    const [sub] = await t.db
      .select()
      .from(conversionSubmissions)
      .where(eq(conversionSubmissions.conversionId, marta!.id));
    expect(sub).toMatchObject({
      protocolNumber: marta!.protocolNumber,
      dossierSha256: marta!.signature!.dossierSha256,
    });
    expect(parseProtocolNumber(marta!.protocolNumber!)!.n).toBe(1);
  });
});
