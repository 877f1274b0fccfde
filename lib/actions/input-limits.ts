import type { FormValues } from './form-input';

/**
 * Caps on what a request may carry into a schema, checked before anything is allocated for it (X2). The
 * largest real form, the summer page, posts at most 40 PES × 6 fields + 40 removed ids + a few more.
 */
export const INPUT_LIMITS = { fields: 400, depth: 4, items: 200 } as const;

export const INPUT_MESSAGES = {
  tooMany: 'Il modulo contiene troppi campi. Ricarica la pagina e compila di nuovo il modulo.',
  undeclared: 'Il modulo contiene campi non previsti. Ricarica la pagina e compila di nuovo il modulo.',
} as const;

/**
 * A request read into its schema's shape: `value` built from null-prototype objects with only declared names
 * (zod's .strict() then checks the values); `posted`, for a form, what was typed under those names.
 */
export type ReadInput = { ok: true; value: unknown; posted?: FormValues } | { ok: false; message: string };

/** An object with no prototype: a name such as `__proto__` or `toString` is just a key on it. */
export const bare = (): Record<string, unknown> => Object.create(null) as Record<string, unknown>;
