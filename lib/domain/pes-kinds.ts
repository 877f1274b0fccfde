/** The kinds of PES: the standard ones the voucher came with, and the two new COVID-19 measures. */
export const PES_KINDS = ['standard', 'babysitting_covid', 'summer_covid'] as const;
export type PesKind = (typeof PES_KINDS)[number];
export type NewPesKind = Exclude<PesKind, 'standard'>;
