import type { ActionResult } from '@/lib/app-error';
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
  return { ...r, values: postedValues(formData) };
}

/** What the form posted (minus React's $ACTION fields), repeated names as lists. */
export function postedValues(formData: FormData): FormValues {
  const values: FormValues = {};
  for (const [k, v] of formData.entries()) {
    if (typeof v !== 'string' || k.startsWith('$ACTION')) continue;
    const prev = values[k];
    values[k] = prev === undefined ? v : Array.isArray(prev) ? [...prev, v] : [prev, v];
  }
  return values;
}

/**
 * What a `<form action>` + useActionState form gets back: the action's result plus, when refused, the values
 * posted (so a page rendered without JavaScript shows them again). Null before the first submit.
 */
export type FormState<T = undefined> = (ActionResult<T> & { values?: FormValues }) | null;

/** Checkboxes post "on" when ticked and nothing otherwise: the schema sees true/false (any other text stays and is refused). */
export function withCheckboxes(input: unknown, formData: FormData | undefined, names: readonly string[]): unknown {
  if (!(formData instanceof FormData) || !input || typeof input !== 'object') return input;
  const out: Record<string, unknown> = { ...(input as Record<string, unknown>) };
  for (const name of names) out[name] = out[name] === undefined ? false : out[name] === 'on' ? true : out[name];
  return out;
}

/** The first posted value of a field echoed back in a form state, as text ('' when absent). */
export function echoed(values: FormValues | undefined, name: string): string {
  const v = values?.[name];
  return Array.isArray(v) ? (v[0] ?? '') : (v ?? '');
}

/** Every posted value of a checkbox group echoed back in a form state. */
export function echoedList(values: FormValues | undefined, name: string): string[] {
  const v = values?.[name];
  return v === undefined ? [] : Array.isArray(v) ? v : [v];
}
