import { NextIntlClientProvider } from 'next-intl';
import { MESSAGES } from '@/lib/i18n/messages';
import { and, eq, ne } from 'drizzle-orm';
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConversionOutcome } from '@/app/famiglia/buoni/[id]/conversion-outcome';
import { children, conversions, pes, providers, vouchers } from '@/db/schema';
import { listFamilyVouchers } from '@/db/queries/family-vouchers';
import { getOfficeConversionFile } from '@/db/queries/office/conversion-file';
import { getReceipt } from '@/db/queries/receipt';
import { SignatureFacts } from '@/app/ufficio/pratiche/[id]/signature-facts';
import { officeScope } from '@/lib/auth/office-scope';
import { getSigningStatus } from '@/db/queries/signing-status';
import { getFamilyVoucherFile } from '@/db/queries/voucher-file';
import { confirmSubmission } from '@/lib/services/family/confirm-submission';
import { declareEmployment } from '@/lib/services/family/declare-employment';
import { decideValidation } from '@/lib/services/provider/decide-validation';
import { attachSummerDocument } from '@/lib/services/family/attach-summer-document';
import { approveConversion } from '@/lib/services/office/approve-conversion';
import { rejectConversion } from '@/lib/services/office/reject-conversion';
import { requestValidation } from '@/lib/services/family/request-validation';
import { sendOtp } from '@/lib/services/family/send-otp';
import { saveSummerPes } from '@/lib/services/family/save-summer-pes';
import { demoActors, seeded } from './support/fixtures';
import { pdf } from './support/pdfs';
import { lastCodeSentTo } from './support/signing';
import { freshDb, type TestDb } from './support/test-db';

/**
 * Issue 15, finding 9: after Respingi the original PES are closed and the new ones cancelled, so the freed
 * money is back in the residual; the family may present a new request with it. The rejected one stays, with
 * its protocol number and history; at most one conversion per voucher is not rejected (M3 still holds).
 */
const MARTA_MOBILE = '+393470000003';
let t: TestDb;
let actors: Awaited<ReturnType<typeof demoActors>>;
const ids = { voucher: '', rejected: '', rejectedProtocol: '', child: '', prv2: '', newConversion: '' };
const activeConversions = () =>
  t.db
    .select()
    .from(conversions)
    .where(and(eq(conversions.voucherId, ids.voucher), ne(conversions.status, 'rejected')));

beforeAll(async () => {
  t = await freshDb();
  await seeded(t.db);
  actors = await demoActors(t.db);
  ids.voucher = (await t.db.select().from(vouchers).where(eq(vouchers.number, 'BS-2020-0003')))[0]!.id;
  const [conv] = await t.db.select().from(conversions).where(eq(conversions.voucherId, ids.voucher));
  ids.rejected = conv!.id;
  ids.rejectedProtocol = conv!.protocolNumber!;
  ids.child = (await t.db.select().from(children).where(eq(children.voucherId, ids.voucher)))[0]!.id;
  ids.prv2 = (await t.db.select().from(providers).where(eq(providers.code, 'PRV2')))[0]!.id;
  await rejectConversion(t.db, actors.office, {
    conversionId: ids.rejected,
    reason: 'Documento non firmato dal soggetto erogatore',
  });
});
afterAll(() => t.close());

describe('a new request after Respingi', () => {
  it('the family page offers the freed money again and says a new request can be presented', async () => {
    const file = (await getFamilyVoucherFile(t.db, actors.marta.userId, ids.voucher))!;
    expect(file.conversion).toBeNull();
    expect(file.rejectedConversion).toMatchObject({
      id: ids.rejected,
      protocolNumber: ids.rejectedProtocol,
      status: 'rejected',
    });
    expect(file.newPes).toEqual([]);
    expect(file.residualCents).toBe(95_000);
    expect(await getSigningStatus(t.db, actors.marta.userId, ids.voucher)).not.toBeNull();
    const notice = renderToStaticMarkup(
      // eslint-disable-next-line react/no-children-prop -- the provider's props type requires children (no JSX in a .ts file)
      createElement(NextIntlClientProvider, {
        locale: 'it',
        messages: MESSAGES.it,
        timeZone: 'Europe/Rome',
        children: createElement(ConversionOutcome, {
          voucherId: ids.voucher,
          conversion: file.conversion,
          rejected: file.rejectedConversion,
          hasBabysitting: false,
        }),
      }),
    );
    expect(notice).toContain(
      'La richiesta è stata respinta: puoi presentare una nuova richiesta di modifica del PES con lo stesso importo liberato',
    );
    expect(notice).toContain(ids.rejectedProtocol);
  });

  it('concurrent starts create exactly one new conversion (M3)', async () => {
    const declare = () =>
      declareEmployment(t.db, actors.marta, {
        voucherId: ids.voucher,
        condition: 'public_health',
        returnsToWorkOutsideHome: true,
        otherParentEmployed: true,
        employerConfirmed: true,
      });
    const results = await Promise.allSettled(Array.from({ length: 5 }, declare));
    expect(results.filter((r) => r.status === 'fulfilled').map((r) => r.value)).toContainEqual(
      expect.objectContaining({ eligible: true }),
    );
    const active = await activeConversions();
    expect(active).toHaveLength(1);
    expect(active[0]!.id).not.toBe(ids.rejected);
    ids.newConversion = active[0]!.id;
    await expect(t.db.insert(conversions).values({ voucherId: ids.voucher })).rejects.toThrow();
  });

  it('the new PES spend the same freed money; signed and approved with a new protocol number', async () => {
    await saveSummerPes(t.db, actors.marta, {
      voucherId: ids.voucher,
      pes: [{ childId: ids.child, band: 'C', providerId: ids.prv2, amountCents: 95_000, hours: 60 }],
    });
    const [summer] = await t.db.select().from(pes).where(eq(pes.conversionId, ids.newConversion));
    await attachSummerDocument(t.db, actors.marta, {
      voucherId: ids.voucher,
      pesId: summer!.id,
      fileName: 'nuovo.pdf',
      bytes: await pdf(),
    });
    await requestValidation(t.db, actors.marta, { voucherId: ids.voucher, kind: 'summer_covid' });
    await decideValidation(t.db, actors.prv2, { pesId: summer!.id, decision: 'validate' });
    const file = (await getFamilyVoucherFile(t.db, actors.marta.userId, ids.voucher))!;
    expect(file.conversion?.id).toBe(ids.newConversion);
    expect(file.newPes.map((p) => p.id)).toEqual([summer!.id]);
    expect(file.residualCents).toBe(0);
    await sendOtp(t.db, actors.marta, { voucherId: ids.voucher });
    const r = await confirmSubmission(t.db, actors.marta, {
      voucherId: ids.voucher,
      code: await lastCodeSentTo(t.db, MARTA_MOBILE),
    });
    expect(r.protocolNumber).not.toBe(ids.rejectedProtocol);
    await approveConversion(t.db, actors.office, { conversionId: ids.newConversion });
    expect((await t.db.select().from(conversions).where(eq(conversions.id, ids.newConversion)))[0]!.status).toBe(
      'approved',
    );
  });

  it('the rejected request keeps its protocol number, its PES and a signature that still matches', async () => {
    const [old] = await t.db.select().from(conversions).where(eq(conversions.id, ids.rejected));
    expect(old).toMatchObject({ status: 'rejected', protocolNumber: ids.rejectedProtocol });
    const oldFile = (await getOfficeConversionFile(t.db, officeScope(actors.office), ids.rejected))!;
    expect(oldFile.newPes.map((p) => [p.code, p.status])).toEqual([['BS-2020-0003/2', 'cancelled']]);
    expect(oldFile.dossier.matches).toBe(true);
    const newFile = (await getOfficeConversionFile(t.db, officeScope(actors.office), ids.newConversion))!;
    expect(newFile.newPes.map((p) => p.conversionId)).toEqual([ids.newConversion]);
    expect(newFile.dossier.matches).toBe(true);
    expect(newFile.residualCents).toBe(0);
    const [listed] = (await listFamilyVouchers(t.db, actors.marta.userId)).filter((v) => v.id === ids.voucher);
    expect(listed).toMatchObject({ conversionId: ids.newConversion, conversionStatus: 'approved' });
  });

  it('each request has its own receipt: the rejected one’s file links and shows the rejected one’s', async () => {
    const office = { role: 'office' } as const;
    const latest = await getReceipt(t.db, office, ids.voucher);
    const rejected = await getReceipt(t.db, office, ids.voucher, ids.rejected);
    const current = await getReceipt(t.db, office, ids.voucher, ids.newConversion);
    expect(rejected!.input.protocolNumber).toBe(ids.rejectedProtocol);
    expect(current!.input.protocolNumber).not.toBe(ids.rejectedProtocol);
    expect(latest!.input.protocolNumber).toBe(current!.input.protocolNumber);
    const oldFile = (await getOfficeConversionFile(t.db, officeScope(actors.office), ids.rejected))!;
    const html = renderToStaticMarkup(createElement(SignatureFacts, { f: oldFile }));
    expect(html).toContain(`href="/ufficio/ricevute/${ids.voucher}?pratica=${ids.rejected}"`);
  });
});
