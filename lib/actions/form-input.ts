import { formFields } from './form-fields';

/**
 * Actions used by `<form action>` + useActionState receive (previousState, formData); called directly
 * (tests, transitions) they receive the input object. Either way the schema sees a plain object.
 */
export function formInput(prevOrInput: unknown, formData?: FormData): unknown {
  return formData instanceof FormData ? formFields(formData) : prevOrInput;
}

/** Checkbox groups arrive as repeated names: FormData keeps them all, formFields only the last. */
export function formInputWithLists(prevOrInput: unknown, formData: FormData | undefined, lists: readonly string[]): unknown {
  if (!(formData instanceof FormData)) return prevOrInput;
  const out: Record<string, unknown> = formFields(formData);
  for (const name of lists) out[name] = formData.getAll(name).filter((v): v is string => typeof v === 'string');
  return out;
}

export type FormValues = Record<string, string | string[]>;

/**
 * A refused form comes back with what was typed, so the re-rendered form (reset by React after the action,
 * or rendered by the server without JavaScript) shows it again instead of the old values.
 */
export function echoValues<R extends { ok: boolean }>(r: R, formData: FormData | undefined): R & { values?: FormValues } {
  if (r.ok || !(formData instanceof FormData)) return r;
  const values: FormValues = {};
  for (const [k, v] of formData.entries()) {
    if (typeof v !== 'string' || k.startsWith('$ACTION')) continue;
    const prev = values[k];
    values[k] = prev === undefined ? v : Array.isArray(prev) ? [...prev, v] : [prev, v];
  }
  return { ...r, values };
}
