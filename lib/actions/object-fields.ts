import type { InputShape } from './input-shape';
import { bare, INPUT_LIMITS, INPUT_MESSAGES, type ReadInput } from './input-limits';

class Refused extends Error {
  constructor(readonly userMessage: string) {
    super(userMessage);
  }
}

/** Own data properties only: an inherited name or a getter is never read. */
function ownValue(obj: object, key: string): unknown {
  const d = Object.getOwnPropertyDescriptor(obj, key);
  return d && 'value' in d ? d.value : undefined;
}

function copy(shape: InputShape, v: unknown, budget: { left: number }, depth: number): unknown {
  if (--budget.left < 0) throw new Refused(INPUT_MESSAGES.tooMany);
  if (v === undefined || v === null || typeof v !== 'object') {
    // A string where an object or a list belongs: zod refuses it with the field's own message.
    return typeof v === 'function' || typeof v === 'symbol' ? undefined : v;
  }
  if (shape.kind === 'leaf' || depth > INPUT_LIMITS.depth) throw new Refused(INPUT_MESSAGES.undeclared);
  if (shape.kind === 'array') {
    if (!Array.isArray(v)) throw new Refused(INPUT_MESSAGES.undeclared);
    if (v.length > INPUT_LIMITS.items) throw new Refused(INPUT_MESSAGES.tooMany);
    return Array.from({ length: v.length }, (_, i) => copy(shape.item, ownValue(v, String(i)), budget, depth + 1));
  }
  if (Array.isArray(v)) throw new Refused(INPUT_MESSAGES.undeclared);
  const keys = Object.keys(v);
  if (keys.length > INPUT_LIMITS.fields) throw new Refused(INPUT_MESSAGES.tooMany);
  const out = bare();
  for (const key of keys) {
    const field = shape.fields.get(key);
    if (!field) throw new Refused(INPUT_MESSAGES.undeclared);
    out[key] = copy(field, ownValue(v, key), budget, depth + 1);
  }
  return out;
}

/**
 * An object given to an action directly (client code, tests) → a copy with the schema's shape: own
 * enumerable data properties with declared names only, into objects without a prototype, capped like a
 * form (X1, X2). A name the schema does not declare (`__proto__` from JSON.parse, `constructor`) is refused.
 */
export function objectFields(shape: InputShape, input: unknown): ReadInput {
  try {
    return { ok: true, value: copy(shape, input, { left: INPUT_LIMITS.fields }, 0) };
  } catch (e) {
    if (e instanceof Refused) return { ok: false, message: e.userMessage };
    throw e;
  }
}
