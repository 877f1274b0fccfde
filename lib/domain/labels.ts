import labels from '@/messages/it/PesLabels.json';
import type { NewPesKind, PesKind } from './pes-kinds';
import type { ConversionStatus, PesStatus } from './state-machines';

/** The Italian words for kinds and statuses, in one place (the guide's wording): the Italian catalogue. */

export const PES_KIND_LABELS: Record<PesKind, string> = labels.kind;

/** Used inside sentences ("… di nuovi PES sui servizi estivi emergenza COVID-19"). */
export const PES_KIND_PHRASES: Record<NewPesKind, string> = {
  babysitting_covid: 'servizi domiciliari babysitting emergenza COVID-19',
  summer_covid: 'servizi estivi emergenza COVID-19',
};

export const PES_STATUS_LABELS: Record<PesStatus, string> = labels.status;

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
