import { describe, expect, it } from 'vitest';
import { familyEmailContent } from '@/lib/notifications/family-messages';
import { otpSms } from '@/lib/notifications/messages/otp-sms';
import { submissionReceiptForFamily } from '@/lib/notifications/messages/submission-received';
import { italianWordsIn } from '../support/italian-words';

const to = { givenName: 'Anna', familyName: 'Rossi', voucherNumber: 'BS-2020-0001', protocolNumber: 'PAT-2026-0007' };
const pes = [{ code: 'P-1', providerName: 'Cooperativa Il Germoglio', hours: 12, amountCents: 328245 }];

describe('family messages follow the family’s language (issue 21)', () => {
  it('the approval in English, amounts in English form, the office’s name kept', () => {
    const m = familyEmailContent('conversion_approved', { ...to, pes, href: 'https://x/famiglia' }, 'en');
    expect(m.subject).toBe('Change of PES approved — voucher BS-2020-0001');
    expect(m.paragraphs[0]).toBe('Dear Anna Rossi,');
    expect(m.paragraphs[1]).toContain('Struttura Multifunzionale Territoriale Ad Personam has approved');
    expect(m.paragraphs[1]).toContain('(record number PAT-2026-0007)');
    expect(m.paragraphs.at(-1)).toBe('• PES P-1 — Cooperativa Il Germoglio — 12 hours — €3,282.45');
    expect(m.link?.label).toBe('Open the voucher');
  });

  it('the same message in Italian is unchanged', () => {
    const m = familyEmailContent('conversion_rejected', { ...to, protocolNumber: null, reason: 'manca il PDF' }, 'it');
    expect(m.subject).toBe('Modifica PES respinta — buono BS-2020-0001');
    expect(m.paragraphs[1]).toBe(
      'la Struttura Multifunzionale Territoriale Ad Personam ha respinto la modifica PES del Buono di servizio BS-2020-0001 con questa motivazione: «manca il PDF».',
    );
  });

  it.each(['conversion_returned', 'conversion_rejected'] as const)('%s in English has no Italian but names', (kind) => {
    const m = familyEmailContent(kind, { ...to, reason: 'x' }, 'en');
    const text = [m.subject, ...m.paragraphs]
      .join(' ')
      .replace(
        /Struttura Multifunzionale Territoriale Ad Personam|modifica PES|MODIFICA PES|CONCLUDI E INVIA RICHIESTA DI CONVALIDA/g,
        '',
      );
    expect(italianWordsIn(text)).toEqual([]);
  });

  it('the OTP SMS', () => {
    expect(otpSms({ code: '123456', voucherNumber: 'BS-1', minutes: 10 }, 'en')).toBe(
      'Province of Trento - Service vouchers: the code to sign the validation request for voucher BS-1 is 123456. It is valid for 10 minutes. Do not share it with anyone.',
    );
    expect(otpSms({ code: '123456', voucherNumber: 'BS-1', minutes: 10 })).toContain('il codice per firmare');
  });

  it('the receipt e-mail, date and money in English', () => {
    const m = submissionReceiptForFamily(
      {
        holderName: 'Anna Rossi',
        holderCodiceFiscale: 'X',
        voucherNumber: 'BS-1',
        protocolNumber: 'PAT-1',
        submittedAt: new Date('2026-12-06T10:00:00Z'),
        newPesCount: 2,
        committedCents: 103245,
        dossierSha256: 'abc',
        resubmission: true,
      },
      undefined,
      'en',
    );
    expect(m.paragraphs[1]).toBe(
      'the validation request for the change of PES of voucher BS-1 was sent again to the office on 6 December 2026 at 11:00 with record number PAT-1.',
    );
    expect(m.paragraphs[2]).toBe('New PES sent: 2, for a total of €1,032.45 charged to the voucher.');
  });
});
