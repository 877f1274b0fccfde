import type { NewPesKind, PesKind } from './pes-kinds';
import type { ConversionStatus, PesStatus } from './state-machines';

/** The Italian words for kinds and statuses, in one place (the guide's wording). */

export const PES_KIND_LABELS: Record<PesKind, string> = {
  standard: 'PES ordinario',
  babysitting_covid: 'Babysitting domiciliare EMERGENZA COVID-19',
  summer_covid: 'Servizi Estivi EMERGENZA COVID-19',
};

/** Used inside sentences ("… di nuovi PES sui servizi estivi emergenza COVID-19"). */
export const PES_KIND_PHRASES: Record<NewPesKind, string> = {
  babysitting_covid: 'servizi domiciliari babysitting emergenza COVID-19',
  summer_covid: 'servizi estivi emergenza COVID-19',
};

export const PES_STATUS_LABELS: Record<PesStatus, string> = {
  active: 'attivo',
  close_requested: 'chiusura richiesta',
  closed: 'chiuso',
  draft: 'bozza',
  awaiting_validation: 'in attesa di validazione',
  validated: 'validato',
  rejected: 'rifiutato',
  deleted: 'eliminato',
  cancelled: 'annullato',
};

export type Tone = 'neutral' | 'info' | 'ok' | 'warn' | 'err';

export const PES_STATUS_TONE: Record<PesStatus, Tone> = {
  active: 'info',
  close_requested: 'warn',
  closed: 'neutral',
  draft: 'neutral',
  awaiting_validation: 'warn',
  validated: 'ok',
  rejected: 'err',
  deleted: 'neutral',
  cancelled: 'neutral',
};

export const CONVERSION_STATUS_LABELS: Record<ConversionStatus, string> = {
  draft: 'in compilazione',
  awaiting_validation: 'in attesa di validazione',
  ready_to_submit: "pronta per l'invio",
  submitted: 'inviata',
  approved: 'convalidata',
  rejected: 'respinta',
  returned: 'da integrare',
};
