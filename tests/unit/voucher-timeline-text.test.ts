import { describe, expect, test } from 'vitest';
import { describeVoucherEvent } from '@/app/_components/voucher-timeline-text';

describe('the voucher timeline describes each event in Italian', () => {
  test.each([
    [
      'pes.closed',
      { pesId: 'p', code: 'BS-2020-0001/2', status: 'closed', usedCents: 1, hoursUsed: 1, freedCents: 108_245 },
      'PES BS-2020-0001/2 chiuso dal soggetto erogatore: liberati 1.082,45\u00a0€',
    ],
    ['pes.closed', { code: 'BS-2020-0002/1', usedCents: 80_000 }, 'PES BS-2020-0002/1 chiuso dal soggetto erogatore'],
    [
      'pes.rejected',
      { code: 'BS-2020-0001/3', reason: 'Ore errate' },
      'PES BS-2020-0001/3 rifiutato dal soggetto erogatore: «Ore errate»',
    ],
    [
      'conversion.submitted',
      { protocolNumber: 'BS-2026-000001' },
      'Inviata all’ufficio con firma OTP — protocollo BS-2026-000001',
    ],
    ['conversion.otp_sent', { maskedMobile: '*** *** 4567' }, 'Codice OTP inviato via SMS al numero *** *** 4567'],
    ['conversion.signature_unlocked', { reason: 'verificato' }, 'Firma OTP sbloccata dall’ufficio'],
    ['conversion.returned', null, 'Richiesta di integrazione'],
    ['conversion.taken_in_charge', { assigneeName: 'Chiara Conti' }, 'Pratica presa in carico'],
    ['conversion.assigned', { assigneeName: 'Laura Bruni' }, 'Pratica assegnata a Laura Bruni'],
    ['conversion.assigned', { assigneeName: 7 }, 'Pratica assegnata'],
    ['conversion.released', null, 'Pratica rilasciata: non è più assegnata a nessuno'],
  ])('%s', (action, after, text) => {
    expect(describeVoucherEvent({ action, after })).toBe(text);
  });

  test('a removed or replaced PDF is described, not shown by its action name', () => {
    expect(describeVoucherEvent({ action: 'document.removed', after: { code: 'BS-2020-0001/3' } })).toBe(
      'Eliminato il PES concordato per BS-2020-0001/3',
    );
    expect(describeVoucherEvent({ action: 'document.replaced', after: { code: 'BS-2020-0001/3' } })).toBe(
      'Sostituito il PES concordato per BS-2020-0001/3',
    );
  });

  test('an action this version does not know shows its name; a value of the wrong type is left out', () => {
    expect(describeVoucherEvent({ action: 'pes.teleported', after: {} })).toBe('pes.teleported');
    expect(describeVoucherEvent({ action: 'toString', after: {} })).toBe('toString');
    expect(describeVoucherEvent({ action: 'pes.rejected', after: { code: 7, reason: ['x'] } })).toBe(
      'PES  rifiutato dal soggetto erogatore',
    );
  });
});
