'use server';
import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { requestLocale } from '@/lib/i18n/request-locale';
import { sayFields } from '@/lib/i18n/refusal';
import { summerFieldTexts } from '@/lib/i18n/summer-field-text';
import { translatorFor } from '@/lib/i18n/translator';
import { removeSummerDocument } from '@/lib/services/family/remove-summer-document';
import { requestValidation } from '@/lib/services/family/request-validation';
import { previewSummerPes, saveSummerPes } from '@/lib/services/family/save-summer-pes';
import {
  saveSummerPesSchemaFor,
  summerDocumentSchema,
  summerValidationSchema,
  type SummerPesFormInput,
} from '@/lib/validation/summer';
import type { ErrorCode } from '@/lib/app-error';
import { actionInput } from '../action-input';
import { guarded } from '../guarded';
import { toPlain } from '../to-plain';

export type SummerFormState = {
  ok: boolean;
  code?: ErrorCode;
  message?: string;
  fieldErrors?: Record<string, string>;
  /** The residual net of the page's PES as the server computed it (Aggiorna). */
  residualAfterCents?: number;
  /** What was posted, so a page rendered without JavaScript shows the family's input again. */
  values?: SummerPesFormInput;
};

const refresh = (voucherId: string) => revalidatePath(`/famiglia/buoni/${voucherId}`, 'layout');
const summerText = async () => translatorFor(await requestLocale(), 'SummerPes');

/**
 * RICHIESTA P.E.S. SERVIZI ESTIVI (guide §3.3): Aggiorna recomputes on the server, conferma i dati e
 * prosegui saves every PES of the page at once. A form action (useActionState), so it works before
 * the page's JavaScript has loaded. Amounts are read, and errors said, in the family's language.
 */
export async function summerPesFormAction(_prev: SummerFormState | null, formData: FormData): Promise<SummerFormState> {
  const input = actionInput(null, formData);
  const locale = await requestLocale();
  const r = await guarded('family', saveSummerPesSchemaFor(locale), input, async (data, { db, actor }) => {
    const rows = data.pes.map(({ amount, ...row }) => ({ ...row, amountCents: amount }));
    const page = { voucherId: data.voucherId, pes: rows, removed: data.removed };
    if (data.intent === 'refresh') {
      const preview = await previewSummerPes(db, actor, page);
      return { saved: null, voucherId: data.voucherId, ...preview, fieldErrors: sayFields(locale, preview.issues) };
    }
    const saved = await saveSummerPes(db, actor, page);
    refresh(data.voucherId);
    return {
      saved: saved.codes,
      voucherId: data.voucherId,
      residualAfterCents: saved.residualAfterCents,
      fieldErrors: {},
    };
  });
  // What the guard read, as plain objects (React sends only those); nothing when it refused before reading.
  const values = input.value && (toPlain(input.value) as SummerPesFormInput);
  if (!r.ok) {
    const fieldErrors = r.fieldErrors && summerFieldTexts(r.fieldErrors, values, locale);
    return { ok: false, code: r.code, message: r.message, fieldErrors, values };
  }
  if (r.data.saved) redirect(`/famiglia/buoni/${r.data.voucherId}/estivi?salvati=${r.data.saved.length}`);
  const errors = Object.keys(r.data.fieldErrors).length ? r.data.fieldErrors : undefined;
  return {
    ok: !errors,
    residualAfterCents: r.data.residualAfterCents,
    fieldErrors: errors,
    values,
    ...(errors ? { message: (await summerText())('fixFields') } : {}),
  };
}

export type ValidationRequestState = { ok: boolean; code?: ErrorCode; message: string; sent?: string[] } | null;

/** RICHIEDI VALIDAZIONE AL SOGGETTO EROGATORE for every draft summer PES (each needs its PDF first). */
export async function requestSummerValidationAction(
  _prev: ValidationRequestState,
  formData: FormData,
): Promise<ValidationRequestState> {
  const r = await guarded(
    'family',
    summerValidationSchema,
    actionInput(_prev, formData),
    async (data, { db, actor, baseUrl }) => {
      const out = await requestValidation(db, actor, { voucherId: data.voucherId, kind: 'summer_covid' }, { baseUrl });
      refresh(data.voucherId);
      return out;
    },
  );
  if (!r.ok) return { ok: false, code: r.code, message: r.message };
  return { ok: true, sent: r.data.sent, message: (await summerText())('vrDone', { codes: r.data.sent.join(', ') }) };
}

export type DocumentActionState = { ok: boolean; code?: ErrorCode; message: string } | null;

/** Elimina: the summer PES loses its PDF (a pending or validated PES goes back to draft). */
export async function removeSummerDocumentAction(
  _prev: DocumentActionState,
  formData: FormData,
): Promise<DocumentActionState> {
  const r = await guarded('family', summerDocumentSchema, actionInput(_prev, formData), async (data, { db, actor }) => {
    const out = await removeSummerDocument(db, actor, data);
    refresh(data.voucherId);
    return out;
  });
  return r.ok
    ? { ok: true, message: (await summerText())('removed', { code: r.data.code }) }
    : { ok: false, code: r.code, message: r.message };
}
