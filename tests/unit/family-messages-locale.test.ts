import { describe, expect, it } from 'vitest';
import { familyEmailContent } from '@/lib/notifications/family-messages';
import { otpSms } from '@/lib/notifications/messages/otp-sms';
import { pesClosedMessage } from '@/lib/notifications/messages/pes-closed';
import { pesValidationDecidedMessage } from '@/lib/notifications/messages/pes-validation-decided';
import { signatureUnlockedMessage } from '@/lib/notifications/messages/signature-unlocked';
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

  const family = { givenName: 'Anna', familyName: 'Rossi', voucherNumber: 'BS-2020-0001', href: 'https://x/f' };
  const english = (m: { subject: string; paragraphs: string[]; link?: { label: string } }) =>
    [m.subject, ...m.paragraphs, m.link?.label ?? '']
      .join(' ')
      .replace(/Struttura Multifunzionale Territoriale Ad Personam|MODIFICA PES|Cooperativa Il Germoglio/g, '');

  it('the PES closed e-mail in both languages', () => {
    const data = {
      ...family,
      pes: { code: 'P-1', amountCents: 328245, hours: 40 },
      usedCents: 100000,
      hoursUsed: 12,
    };
    const it = pesClosedMessage(data);
    expect(it.subject).toBe('PES P-1 chiuso — buono BS-2020-0001');
    expect(it.paragraphs[1]).toMatch(
      /^il soggetto erogatore ha chiuso il PES P-1: importo utilizzato 1\.000,00\s€ su 3\.282,45\s€, ore utilizzate 12 su 40\.$/,
    );
    expect(it.link?.label).toBe('Apri MODIFICA PES');
    const en = pesClosedMessage(data, 'en');
    expect(en.subject).toBe('PES P-1 closed — voucher BS-2020-0001');
    expect(en.paragraphs[0]).toBe('Dear Anna Rossi,');
    expect(en.paragraphs[1]).toBe(
      'the service provider has closed PES P-1: amount used €1,000.00 of €3,282.45, hours used 12 of 40.',
    );
    expect(en.paragraphs[2]).toContain('This frees €2,282.45');
    expect(italianWordsIn(english(en))).toEqual([]);
  });

  it.each([true, false])('the PES validated (%s) or rejected e-mail in both languages', (validated) => {
    const data = {
      ...family,
      pes: { code: 'P-2', hours: 10, amountCents: 18000 },
      validated,
      reason: 'manca la firma',
    };
    const it = pesValidationDecidedMessage(data);
    expect(it.subject).toBe(`PES P-2 ${validated ? 'validato' : 'rifiutato'} dal soggetto erogatore`);
    const en = pesValidationDecidedMessage(data, 'en');
    expect(en.subject).toBe(`PES P-2 ${validated ? 'validated' : 'rejected'} by the service provider`);
    expect(en.paragraphs[1]).toContain(validated ? '(10 hours, €180.00)' : 'for this reason: “manca la firma”');
    expect(italianWordsIn(english(en).replace('manca la firma', ''))).toEqual([]);
  });

  it('the signature unlocked e-mail in both languages', () => {
    expect(signatureUnlockedMessage(family).subject).toBe('Firma OTP sbloccata — buono BS-2020-0001');
    const en = signatureUnlockedMessage(family, 'en');
    expect(en.subject).toBe('OTP signature unlocked — voucher BS-2020-0001');
    expect(en.paragraphs[1]).toContain('has unlocked the OTP signature');
    expect(italianWordsIn(english(en))).toEqual([]);
  });

  it('the two family reminders in both languages, the date written the reader’s way', () => {
    const dueAt = new Date('2026-12-06T22:59:59Z');
    const reminderIt = familyEmailContent('family_integration_reminder', { ...family, dueAt }, 'it');
    expect(reminderIt.subject).toBe('Promemoria: rispondi entro il 06/12/2026 — buono BS-2020-0001');
    const reminder = familyEmailContent('family_integration_reminder', { ...family, dueAt }, 'en');
    expect(reminder.subject).toBe('Reminder: please answer by 6 December 2026 — voucher BS-2020-0001');
    expect(italianWordsIn(english(reminder))).toEqual([]);

    const passedIt = familyEmailContent(
      'family_office_term_passed',
      { ...family, dueAt, protocolNumber: 'MPES-1' },
      'it',
    );
    expect(passedIt.paragraphs[1]).toBe(
      'il termine entro cui l’ufficio doveva decidere sulla modifica PES del buono BS-2020-0001 (protocollo MPES-1) è scaduto il 06/12/2026 senza una decisione.',
    );
    const passed = familyEmailContent('family_office_term_passed', { ...family, dueAt, protocolNumber: null }, 'en');
    expect(passed.paragraphs[1]).toBe(
      'the deadline for the office to decide on the change of PES of voucher BS-2020-0001 passed on 6 December 2026 without a decision.',
    );
    expect(passed.link?.label).toBe('Open the voucher');
    expect(italianWordsIn(english(passed))).toEqual([]);
  });
});
