import { describe, expect, it } from 'vitest';
import type { QueueRow } from '@/db/queries/office/queue';
import { queueRowView } from '@/app/ufficio/queue-row-view';
import { formatEuro } from '@/lib/domain/money';

// What each of the queue's cells says, now worked out on the server for the client rows (issue 20).
const NOW = new Date('2026-12-06T10:00:00Z');
const ME = 'me-id';
const row = (over: Partial<QueueRow> = {}): QueueRow => ({
  id: 'c1',
  status: 'submitted',
  protocolNumber: 'MPES-2026-000002',
  submittedAt: new Date('2026-10-05T13:28:37Z'),
  decidedAt: null,
  decisionDueAt: new Date('2026-11-04T22:59:59Z'),
  decisionSuspendedAt: null,
  decisionReason: null,
  voucherId: 'v1',
  voucherNumber: 'BS-2020-0118',
  holderCodiceFiscale: 'ZNTPLX98L59L378N',
  holderGivenName: 'Paola',
  holderFamilyName: 'Zanetti',
  assigneeId: null,
  assigneeGivenName: null,
  assigneeFamilyName: null,
  hasBabysitting: true,
  hasSummer: true,
  newPesCount: 2,
  newPesCents: 87_800,
  providerNames: 'Cooperativa Sociale Il Germoglio',
  ...over,
});

describe('queueRowView', () => {
  it('a waiting case past 30 days and past its term: late, overdue, nobody in charge, with the controls', () => {
    expect(queueRowView(row(), NOW, ME)).toEqual({
      id: 'c1',
      protocol: 'MPES-2026-000002',
      holder: 'Zanetti Paola',
      codiceFiscale: 'ZNTPLX98L59L378N',
      voucher: 'BS-2020-0118',
      measure: 'Babysitting e servizi estivi',
      providers: 'Cooperativa Sociale Il Germoglio',
      newPes: `2 — ${formatEuro(87_800)}`,
      submitted: { iso: '2026-10-05', text: '05/10/2026' },
      waiting: { text: '61 giorni — oltre 30', late: true },
      term: { iso: '2026-11-04', text: '04/11/2026', left: 'scaduto da 32 giorni', overdue: true },
      status: { label: 'inviata', tone: 'info' },
      who: 'Nessuno',
      decided: false,
      assigneeId: null,
    });
  });

  it('a recent case in my charge: days without "oltre", days left, "(tu)" after my name', () => {
    const v = queueRowView(
      row({
        submittedAt: new Date('2026-12-01T09:00:00Z'),
        decisionDueAt: new Date('2026-12-31T22:59:59Z'),
        assigneeId: ME,
        assigneeGivenName: 'Chiara',
        assigneeFamilyName: 'Conti',
        hasSummer: false,
        providerNames: '',
      }),
      NOW,
      ME,
    );
    expect(v).toMatchObject({
      measure: 'Babysitting domiciliare',
      providers: '—',
      waiting: { text: '5 giorni', late: false },
      term: { text: '31/12/2026', left: 'mancano 25 giorni', overdue: false },
      who: 'Chiara Conti (tu)',
      assigneeId: ME,
      decided: false,
    });
  });

  it('a decided case keeps who followed it (or a dash) and says when it was decided, without a term', () => {
    const decided = row({ status: 'approved', decidedAt: new Date('2026-11-20T10:00:00Z') });
    expect(
      queueRowView({ ...decided, assigneeId: 'x', assigneeGivenName: 'Davide', assigneeFamilyName: 'Moser' }, NOW, ME),
    ).toMatchObject({
      waiting: { text: 'decisa il 20/11/2026', late: false },
      term: '—',
      status: { label: 'convalidata', tone: 'ok' },
      who: 'Davide Moser',
      decided: true,
    });
    expect(queueRowView(decided, NOW, ME)).toMatchObject({ who: '—', decided: true, assigneeId: null });
  });

  it('a case back with the family: "da integrare" with its step, its term suspended', () => {
    expect(
      queueRowView(
        row({ status: 'draft', hasBabysitting: false, decisionSuspendedAt: new Date('2026-11-02T09:00:00Z') }),
        NOW,
        ME,
      ),
    ).toMatchObject({
      measure: 'Servizi estivi',
      waiting: { text: '—', late: false },
      term: 'sospeso dal 02/11/2026',
      status: { label: 'da integrare (in compilazione)', tone: 'warn' },
      who: 'Nessuno',
    });
  });
});
