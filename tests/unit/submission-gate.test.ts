import { describe, expect, it } from 'vitest';
import { comparePesCodes, gateItems, submissionGate, type GatePes } from '@/lib/domain/submission-gate';

const germoglio = 'Cooperativa Sociale Il Germoglio';
const p = (code: string, status: string, kind = 'babysitting_covid', hasDocument = false): GatePes => ({
  code,
  kind,
  status,
  providerName: germoglio,
  hasDocument,
});

describe('submission gate (guide §4)', () => {
  it.each([
    ['every babysitting PES validated', [p('BS-2020-0001/4', 'validated')], true, []],
    ['a summer PES validated with its PDF', [p('BS-2020-0001/5', 'validated', 'summer_covid', true)], true, []],
    [
      'a summer PES validated without its PDF',
      [p('BS-2020-0001/5', 'validated', 'summer_covid')],
      false,
      ['PES BS-2020-0001/5: manca il PDF'],
    ],
    [
      'one PES awaiting validation',
      [p('BS-2020-0001/4', 'awaiting_validation'), p('BS-2020-0001/5', 'validated', 'summer_covid', true)],
      false,
      [`PES BS-2020-0001/4: in attesa di validazione da ${germoglio}`],
    ],
    [
      'a draft',
      [p('BS-2020-0001/4', 'draft')],
      false,
      ['PES BS-2020-0001/4: in bozza — premi RICHIEDI VALIDAZIONE AL SOGGETTO EROGATORE'],
    ],
    [
      'a rejected PES',
      [p('BS-2020-0001/4', 'rejected')],
      false,
      [`PES BS-2020-0001/4: rifiutato da ${germoglio} — correggilo o eliminalo`],
    ],
    ['deleted PES do not count', [p('BS-2020-0001/4', 'deleted'), p('BS-2020-0001/5', 'validated')], true, []],
    [
      'nothing inserted',
      [p('BS-2020-0001/4', 'deleted')],
      false,
      ['Nessun nuovo PES inserito: aggiungi almeno un PES servizi babysitting o servizi estivi.'],
    ],
    [
      'every missing item, in PES order',
      [p('BS-2020-0001/10', 'validated', 'summer_covid'), p('BS-2020-0001/9', 'awaiting_validation', 'summer_covid')],
      false,
      [
        `PES BS-2020-0001/9: in attesa di validazione da ${germoglio}`,
        'PES BS-2020-0001/9: manca il PDF',
        'PES BS-2020-0001/10: manca il PDF',
      ],
    ],
  ] as const)('%s', (_name, pes, canSubmit, missing) => {
    expect(submissionGate('ready_to_submit', pes, [])).toMatchObject({ canSubmit, missing });
  });

  it.each(['submitted', 'approved', 'rejected'] as const)('a %s conversion cannot be sent again', (status) => {
    const g = submissionGate(status, [p('BS-2020-0001/4', 'validated')], []);
    expect(g.canSubmit).toBe(false);
    expect(g.missing[0]).toMatch(/già stata inviata/);
  });

  it.each([
    [
      'a closing still waiting for its provider',
      [p('BS-2020-0001/2', 'close_requested', 'standard')],
      false,
      [
        `Il soggetto erogatore deve ancora chiudere il PES BS-2020-0001/2 (${germoglio}): potrai firmare la richiesta quando lo avrà chiuso.`,
      ],
    ],
    [
      'closed and still active standard PES do not wait',
      [p('BS-2020-0001/1', 'closed', 'standard'), p('BS-2020-0001/3', 'active', 'standard')],
      true,
      [],
    ],
  ] as const)('%s', (_name, standard, canSubmit, missing) => {
    expect(submissionGate('ready_to_submit', [p('BS-2020-0001/4', 'validated')], standard)).toMatchObject({
      canSubmit,
      missing,
    });
  });

  it('lists pending closings first, in PES order, then what the new PES miss', () => {
    const standard = [
      p('BS-2020-0001/10', 'close_requested', 'standard'),
      p('BS-2020-0001/9', 'close_requested', 'standard'),
    ];
    expect(submissionGate('returned', [p('BS-2020-0001/11', 'draft')], standard).missing).toEqual([
      expect.stringMatching(/^Il soggetto erogatore deve ancora chiudere il PES BS-2020-0001\/9 /),
      expect.stringMatching(/^Il soggetto erogatore deve ancora chiudere il PES BS-2020-0001\/10 /),
      'PES BS-2020-0001/11: in bozza — premi RICHIEDI VALIDAZIONE AL SOGGETTO EROGATORE',
    ]);
  });

  it('a returned conversion with complete PES can be signed again', () => {
    expect(submissionGate('returned', [p('BS-2020-0001/4', 'validated')], []).canSubmit).toBe(true);
  });

  it('orders PES codes by their number', () => {
    expect(['BS-2020-0001/10', 'BS-2020-0001/2', 'BS-2020-0001/1'].sort(comparePesCodes)).toEqual([
      'BS-2020-0001/1',
      'BS-2020-0001/2',
      'BS-2020-0001/10',
    ]);
  });
});

describe('submission gate items, for the reader’s language (issue 21)', () => {
  it('gives each missing step as data (a catalogue key and its values), one per Italian line', () => {
    const args = [
      'ready_to_submit',
      [p('BS-2020-0001/5', 'draft', 'summer_covid'), p('BS-2020-0001/6', 'rejected')],
      [p('BS-2020-0001/1', 'close_requested', 'standard')],
    ] as const;
    const g = gateItems(...args);
    expect(g.items).toEqual([
      { key: 'closePending', code: 'BS-2020-0001/1', provider: germoglio },
      { key: 'draft', code: 'BS-2020-0001/5', provider: germoglio },
      { key: 'noPdf', code: 'BS-2020-0001/5', provider: germoglio },
      { key: 'rejected', code: 'BS-2020-0001/6', provider: germoglio },
    ]);
    expect(submissionGate(...args).missing).toHaveLength(g.items.length);
  });
});
