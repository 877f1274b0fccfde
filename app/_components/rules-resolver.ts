import type { FieldErrors, FieldValues, Resolver } from 'react-hook-form';

/**
 * A react-hook-form resolver over plain rule functions (lib/validation/family-pes-rules.ts) that return
 * dotted path → message: the form checks with the action's rules without shipping a validation library.
 * Values go through unchanged (the action parses them again).
 */
export function rulesResolver<T extends FieldValues>(check: (values: T) => Record<string, string>): Resolver<T> {
  return async (values) => {
    const found = check(values);
    const paths = Object.keys(found);
    if (!paths.length) return { values, errors: {} };
    const errors: Record<string, unknown> = {};
    for (const path of paths) {
      const keys = path.split('.');
      let node = errors;
      keys.forEach((k, i) => {
        if (i === keys.length - 1) node[k] = { ...(node[k] as object), type: 'validate', message: found[path] };
        else node = (node[k] ??= /^\d+$/.test(keys[i + 1]!) ? [] : {}) as Record<string, unknown>;
      });
    }
    return { values: {}, errors: errors as FieldErrors<T> };
  };
}
