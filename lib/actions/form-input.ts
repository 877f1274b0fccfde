import type { ActionResult } from '@/lib/app-error';

export type FormValues = Record<string, string | string[]>;

/**
 * A refused form comes back with what was typed (`posted`, from the ActionInput the guard read), so the
 * re-rendered form (reset by React after the action, or rendered by the server without JavaScript) shows it
 * again instead of the old values.
 */
export function echoValues<R extends { ok: boolean }>(
  r: R,
  posted: FormValues | undefined,
): R & { values?: FormValues } {
  return r.ok || !posted ? r : { ...r, values: posted };
}

/**
 * What a `<form action>` + useActionState form gets back: the action's result plus, when refused, the values
 * posted (so a page rendered without JavaScript shows them again). Null before the first submit.
 */
export type FormState<T = undefined> = (ActionResult<T> & { values?: FormValues }) | null;

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
