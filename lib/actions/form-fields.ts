/** FormData → plain object of its string fields, minus the ones React adds for server actions ($ACTION_…). */
export function formFields(fd: FormData): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of fd.entries()) if (typeof v === 'string' && !k.startsWith('$ACTION')) out[k] = v;
  return out;
}

export function fieldErrorsOf(issues: readonly { path: readonly PropertyKey[]; message: string }[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const i of issues) {
    const key = String(i.path[0] ?? '_');
    out[key] ??= i.message;
  }
  return out;
}

/**
 * Server actions used both as `<form action>` through useActionState (called with the previous state and
 * the FormData: they work before hydration) and directly with a plain object (tests, client code).
 */
export function formOrInput(first: unknown, formData?: unknown): unknown {
  return formData instanceof FormData ? formFields(formData) : first;
}
