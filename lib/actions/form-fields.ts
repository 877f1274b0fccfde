/** FormData → plain object of its string fields, minus the ones React adds for server actions ($ACTION_…). */
export function formFields(fd: FormData): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of fd.entries()) if (typeof v === 'string' && !k.startsWith('$ACTION')) out[k] = v;
  return out;
}

/**
 * zod issues → { 'pes.2.amount': message }: the whole dotted path, so an error inside a field array
 * lands on its own field (react-hook-form's setError takes the same path). '_' for form-level issues.
 */
export function fieldErrorsOf(issues: readonly { path: readonly PropertyKey[]; message: string }[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const i of issues) {
    const key = i.path.length ? i.path.map(String).join('.') : '_';
    out[key] ??= i.message;
  }
  return out;
}

const UNSAFE = new Set(['__proto__', 'prototype', 'constructor']);

/**
 * FormData with dotted names (`pes.0.amount`, as react-hook-form names its fields) → nested plain object
 * with arrays, so a form posted before hydration parses with the same schema as the hydrated one.
 * Numeric segments make arrays; holes are dropped.
 */
export function nestedFields(fd: FormData): Record<string, unknown> {
  const root: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(formFields(fd))) {
    const path = name.split('.');
    if (path.some((p) => p === '' || UNSAFE.has(p)) || path.length > 4) continue;
    let node: Record<string, unknown> | unknown[] = root;
    path.forEach((seg, i) => {
      const last = i === path.length - 1;
      const key = /^\d{1,3}$/.test(seg) && Array.isArray(node) ? Number(seg) : seg;
      const bag = node as Record<string | number, unknown>;
      if (last) bag[key] = value;
      else {
        bag[key] ??= /^\d{1,3}$/.test(path[i + 1]!) ? [] : {};
        node = bag[key] as Record<string, unknown>;
      }
    });
  }
  const compact = (v: unknown): unknown =>
    Array.isArray(v) ? v.filter((x) => x !== undefined).map(compact) : v && typeof v === 'object' ? Object.fromEntries(Object.entries(v).map(([k, x]) => [k, compact(x)])) : v;
  return compact(root) as Record<string, unknown>;
}

/**
 * Server actions used both as `<form action>` through useActionState (called with the previous state and
 * the FormData: they work before hydration) and directly with a plain object (tests, client code).
 */
export function formOrInput(first: unknown, formData?: unknown): unknown {
  return formData instanceof FormData ? formFields(formData) : first;
}
