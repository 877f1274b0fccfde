import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { POST } from '@/app/api/documents/route';
import { children, providers, users } from '@/db/schema';
import { getFamilyVoucherFile } from '@/db/queries/voucher-file';
import { summerPesFormAction } from '@/lib/actions/family/summer';
import { confirmSubmissionAction, sendOtpAction } from '@/lib/actions/family/submission';
import type { Actor } from '@/lib/auth/actor';
import { saveSummerPes } from '@/lib/services/family/save-summer-pes';
import { actAs, useDb } from './support/act-as';
import { demoActors, seeded } from './support/fixtures';
import { HTML } from './support/pdfs';
import { giuliaReadyToSign, lastCodeSentTo } from './support/signing';
import { freshDb, type TestDb } from './support/test-db';
import { italianWordsIn } from '../support/italian-words';

// Issue 21: a family whose profile says English reads the signing and summer pages' refusals in English,
// and types money the English way; the same refusals stay as they were for an Italian family.
let t: TestDb;
let giulia: Actor;
const ids = { voucher: '', marco: '', prv2: '' };
const setLocale = (locale: 'it' | 'en') => t.db.update(users).set({ locale }).where(eq(users.id, giulia.userId));
const form = (fields: Record<string, string>) => {
  const fd = new FormData();
  for (const [k, v] of Object.entries(fields)) fd.append(k, v);
  return fd;
};
const summerPage = (intent: 'refresh' | 'save', amount: string, hours = '40') =>
  form({
    voucherId: ids.voucher,
    intent,
    'pes.0.childId': ids.marco,
    'pes.0.band': 'C',
    'pes.0.providerId': ids.prv2,
    'pes.0.amount': amount,
    'pes.0.hours': hours,
  });
const residual = async () => (await getFamilyVoucherFile(t.db, giulia.userId, ids.voucher))!.residualCents;

beforeAll(async () => {
  t = await freshDb();
  await seeded(t.db);
  useDb(t.db);
  const actors = await demoActors(t.db);
  giulia = actors.giulia;
  ({ voucherId: ids.voucher } = await giuliaReadyToSign(t.db, giulia, actors.prv1));
  ids.marco = (await t.db.select().from(children).where(eq(children.voucherId, ids.voucher)))[0]!.id;
  ids.prv2 = (await t.db.select().from(providers).where(eq(providers.code, 'PRV2')))[0]!.id;
  await setLocale('en');
  actAs(giulia);
});
afterAll(() => t.close());

describe('signing with the OTP code, in English', () => {
  it('says a too-early new code, a short code and a wrong code in English; an Italian family reads Italian', async () => {
    expect(await sendOtpAction(null, form({ voucherId: ids.voucher }))).toMatchObject({ ok: true });
    const again = await sendOtpAction(null, form({ voucherId: ids.voucher }));
    expect(again).toMatchObject({ ok: false, code: 'otp_rate_limited' });
    expect(!again.ok && again.message).toMatch(
      /^The code has just been sent\. You can ask for a new one in \d+ seconds?\.$/,
    );

    const short = await confirmSubmissionAction(null, form({ voucherId: ids.voucher, code: '12' }));
    expect(short).toMatchObject({
      ok: false,
      code: 'invalid_input',
      message: 'Some details are not valid: correct the fields shown and try again.',
      fieldErrors: { code: 'The code is too short: it must have 6 digits.' },
    });

    const real = await lastCodeSentTo(t.db, '+393470000002');
    const wrong = real === '000000' ? '111111' : '000000';
    expect(await confirmSubmissionAction(null, form({ voucherId: ids.voucher, code: wrong }))).toMatchObject({
      ok: false,
      code: 'otp_wrong',
      message: 'The code is not correct. You have 4 attempts left with this code.',
    });

    await setLocale('it');
    expect(await confirmSubmissionAction(null, form({ voucherId: ids.voucher, code: wrong }))).toMatchObject({
      code: 'otp_wrong',
      message: 'Il codice non è corretto. Ti restano 3 tentativi con questo codice.',
    });
    await setLocale('en');
  });
});

describe('the summer page, in English', () => {
  it('reads 1,032.45 the English way and refuses 1.032 and 1.032,45 with English messages', async () => {
    const left = await residual();
    expect(await summerPesFormAction(null, summerPage('refresh', '1,032.45'))).toMatchObject({
      ok: left >= 103_245,
      residualAfterCents: left - 103_245,
    });
    const ambiguous = await summerPesFormAction(null, summerPage('refresh', '1.032', ''));
    expect(ambiguous).toMatchObject({
      ok: false,
      code: 'invalid_input',
      fieldErrors: {
        'pes.0.amount':
          '“1.032” can be read in two ways: write the cents after a point (for example 1,032.45) or leave out the thousands separator.',
        'pes.0.hours': 'Enter the total hours of the service as a whole number, for example 40.',
      },
    });
    const italianWay = await summerPesFormAction(null, summerPage('refresh', '1.032,45'));
    expect(italianWay.fieldErrors?.['pes.0.amount']).toMatch(/^Enter an amount in euro, for example 1,234\.56/);
  });

  it('refuses an amount over the residual in English, naming the residual the English way, and saves nothing', async () => {
    const left = await residual();
    const r = await summerPesFormAction(null, summerPage('save', '9,999.00'));
    const money = new Intl.NumberFormat('en-GB', { style: 'currency', currency: 'EUR' }).format(left / 100);
    expect(r).toMatchObject({
      ok: false,
      code: 'insufficient_residual',
      message: `The PES add up to more than the amount still available (${money}): no PES was saved.`,
      fieldErrors: {
        'pes.0.amount': `With this PES the total is more than the amount still available: the amount can be at most ${money}.`,
      },
    });
    expect(await residual()).toBe(left);
  });

  it('refuses a file that is not a PDF in English', async () => {
    const saved = await saveSummerPes(t.db, giulia, {
      voucherId: ids.voucher,
      pes: [{ childId: ids.marco, band: 'C', providerId: ids.prv2, amountCents: 100, hours: 1 }],
    });
    const pesId = (await getFamilyVoucherFile(t.db, giulia.userId, ids.voucher))!.newPes.find(
      (p) => p.code === saved.codes[0],
    )!.id;
    const fd = form({ voucherId: ids.voucher, pesId });
    fd.append('file', new File([Buffer.from(HTML)], 'pes.pdf', { type: 'application/pdf' }));
    const res = await POST(
      new Request('http://localhost:3000/api/documents', {
        method: 'POST',
        body: fd,
        headers: { host: 'localhost:3000', origin: 'http://localhost:3000', accept: 'application/json' },
      }),
    );
    expect(res.status).toBe(422);
    const body = (await res.json()) as { code: string; message: string };
    expect(body).toEqual({
      ok: false,
      code: 'not_pdf',
      message: 'The file must be a PDF: choose the agreed PES in .pdf format.',
    });
    expect(italianWordsIn(body.message)).toEqual([]);
  });
});
