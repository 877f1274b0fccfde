/**
 * zod keeps the input's null prototype on what it returns. Services get ordinary objects again: React sends
 * only plain objects to the browser, and drizzle reads a value's prototype. The names are the schema's,
 * and fromEntries defines them rather than assigning, so no name can reach a prototype.
 */
export function toPlain<T>(v: T): T {
  if (Array.isArray(v)) return v.map(toPlain) as T;
  const proto = v !== null && typeof v === 'object' ? Object.getPrototypeOf(v) : undefined;
  if (proto === null || proto === Object.prototype) {
    return Object.fromEntries(Object.entries(v as object).map(([k, x]) => [k, toPlain(x)])) as T;
  }
  return v;
}
