import { formatDate, formatDateIt } from '@/lib/domain/dates';
import type { Locale } from '@/lib/domain/locale';
import { plainText, translatorFor } from '@/lib/i18n/translator';

/**
 * The reminders of issue 19. The family's kinds are named so the App IO channel can pick them up
 * (FAMILY_REMINDER_KINDS); the e-mail goes out whatever that channel does.
 */
export const FAMILY_REMINDER_KINDS = ['family_integration_reminder', 'family_office_term_passed'] as const;
export type FamilyReminderKind = (typeof FAMILY_REMINDER_KINDS)[number];

type Step = {
  code: string;
  status: 'close_requested' | 'awaiting_validation';
  dueAt: Date;
  voucherNumber: string;
  familyName: string;
};

const MAX_LINES = 50;
const what = (s: Step) => (s.status === 'close_requested' ? 'chiusura richiesta' : 'validazione richiesta');
const line = (s: Step, verb: string) =>
  `• PES ${s.code} — ${what(s)} — ${verb} ${formatDateIt(s.dueAt)} — buono ${s.voucherNumber}, ${s.familyName}`;
function capped(lines: string[]): string[] {
  return lines.length > MAX_LINES
    ? [...lines.slice(0, MAX_LINES), `… e altri ${lines.length - MAX_LINES} PES: li trovi nel cruscotto.`]
    : lines;
}

/** One e-mail a working day per provider: what is overdue, and what falls due within two working days. */
export function providerDigestMessage(m: {
  providerName: string;
  day: string;
  overdue: Step[];
  dueSoon: Step[];
  otherWaiting: number;
  href?: string;
}) {
  return {
    subject: `Promemoria PES in attesa — ${m.providerName} — ${formatDateIt(m.day)}`,
    paragraphs: [
      `Gentile ${m.providerName},`,
      'ecco i PES che attendono una vostra azione nel servizio Buoni di servizio — Modifica PES.',
      ...(m.overdue.length
        ? [`Termine scaduto (${m.overdue.length}):`, ...capped(m.overdue.map((s) => line(s, 'scaduto il')))]
        : []),
      ...(m.dueSoon.length
        ? [
            `In scadenza entro 2 giorni lavorativi (${m.dueSoon.length}):`,
            ...capped(m.dueSoon.map((s) => line(s, 'entro il'))),
          ]
        : []),
      ...(m.otherWaiting ? [`Altri PES in attesa con scadenza successiva: ${m.otherWaiting}.`] : []),
      'Le famiglie vedono queste date sulla pagina del loro buono.',
    ],
    ...(m.href ? { link: { href: m.href, label: 'Apri il cruscotto' } } : {}),
  };
}

export type OverdueByProvider = {
  providerName: string;
  hasEmail: boolean;
  steps: Step[];
};

/** The office's daily digest: overdue provider steps by provider, and who cannot be reminded by e-mail. */
export function officeDigestMessage(m: { day: string; providers: OverdueByProvider[]; total: number; href?: string }) {
  return {
    subject: `PES in ritardo presso i soggetti erogatori — ${formatDateIt(m.day)}`,
    paragraphs: [
      `Sono ${m.total} i PES con il termine scaduto presso ${m.providers.length === 1 ? '1 soggetto erogatore' : `${m.providers.length} soggetti erogatori`}.`,
      ...m.providers.flatMap((p) => [
        `${p.providerName} (${p.steps.length})${p.hasEmail ? '' : ' — nessun indirizzo e-mail: il soggetto non riceve i promemoria, contattalo direttamente.'}`,
        ...capped(p.steps.map((s) => line(s, 'scaduto il'))),
      ]),
      'Dalla vista «In ritardo» puoi inviare un sollecito formale per ciascun PES (una volta al giorno).',
    ],
    ...(m.href ? { link: { href: m.href, label: 'Apri «In ritardo»' } } : {}),
  };
}

type Family = { givenName: string; familyName: string; voucherNumber: string; href?: string };

const greeting = (m: Family, locale: Locale) =>
  translatorFor(locale, 'Emails')('greeting', { name: `${m.givenName} ${m.familyName}` });

/** family_integration_reminder: three days (or fewer) before the end of the integration request. */
export function familyIntegrationReminder(m: Family & { dueAt: Date }, locale: Locale = 'it') {
  const t = translatorFor(locale, 'FamilyEmails');
  const date = formatDate(m.dueAt, locale);
  return {
    kind: 'family_integration_reminder' as const,
    subject: t('integrationSubject', { date, voucher: m.voucherNumber }),
    paragraphs: [
      greeting(m, locale),
      t('integrationBody', { voucher: m.voucherNumber, date }),
      t.markup('integrationWhatToDo', plainText),
    ],
    ...(m.href ? { link: { href: m.href, label: t('openChangePes') } } : {}),
  };
}

/** family_office_term_passed: the office's term ended without a decision. */
export function familyOfficeTermPassed(
  m: Family & { dueAt: Date; protocolNumber: string | null },
  locale: Locale = 'it',
) {
  const t = translatorFor(locale, 'FamilyEmails');
  return {
    kind: 'family_office_term_passed' as const,
    subject: t('termPassedSubject', { voucher: m.voucherNumber }),
    paragraphs: [
      greeting(m, locale),
      t('termPassedBody', {
        voucher: m.voucherNumber,
        hasProtocol: String(m.protocolNumber !== null),
        protocol: m.protocolNumber ?? '',
        date: formatDate(m.dueAt, locale),
      }),
      t.markup('termPassedAfter', plainText),
    ],
    ...(m.href ? { link: { href: m.href, label: t('openVoucher') } } : {}),
  };
}

/** «Invia sollecito»: a formal reminder to a provider about one PES. */
export function providerSollecitoMessage(m: { providerName: string; step: Step; href?: string }) {
  return {
    subject: `Sollecito — PES ${m.step.code} — termine scaduto il ${formatDateIt(m.step.dueAt)}`,
    paragraphs: [
      `Gentile ${m.providerName},`,
      `la Struttura Multifunzionale Territoriale Ad Personam sollecita formalmente la ${m.step.status === 'close_requested' ? 'chiusura' : 'validazione'} del PES ${m.step.code} (buono ${m.step.voucherNumber}, ${m.step.familyName}), il cui termine è scaduto il ${formatDateIt(m.step.dueAt)}.`,
      'Vi chiediamo di provvedere senza ulteriore ritardo dal cruscotto del soggetto erogatore: la famiglia attende la vostra risposta per convertire il buono.',
    ],
    ...(m.href ? { link: { href: m.href, label: 'Apri il PES' } } : {}),
  };
}
