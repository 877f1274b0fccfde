import type { z } from 'zod';

/** The names a schema declares, as a tree: what a form or an object may carry into that schema (X1). */
export type InputShape =
  { kind: 'leaf' } | { kind: 'object'; fields: ReadonlyMap<string, InputShape> } | { kind: 'array'; item: InputShape };

type Def = {
  type: string;
  shape?: Record<string, z.ZodType>;
  element?: z.ZodType;
  innerType?: z.ZodType;
  in?: z.ZodType;
  out?: z.ZodType;
  options?: readonly z.ZodType[];
  left?: z.ZodType;
  right?: z.ZodType;
  getter?: () => z.ZodType;
};

const LEAF: InputShape = { kind: 'leaf' };
const MAX_SCHEMA_DEPTH = 8;
const cache = new WeakMap<z.ZodType, InputShape>();

function merge(a: InputShape, b: InputShape): InputShape {
  if (a.kind === 'object' && b.kind === 'object') {
    const fields = new Map(a.fields);
    for (const [k, v] of b.fields) fields.set(k, fields.has(k) ? merge(fields.get(k)!, v) : v);
    return { kind: 'object', fields };
  }
  if (a.kind === 'array' && b.kind === 'array') return { kind: 'array', item: merge(a.item, b.item) };
  return a.kind === 'leaf' ? b : a;
}

function shapeOf(schema: z.ZodType, depth: number): InputShape {
  if (depth > MAX_SCHEMA_DEPTH) return LEAF;
  const def = (schema as unknown as { _zod: { def: Def } })._zod.def;
  switch (def.type) {
    case 'object':
      return {
        kind: 'object',
        fields: new Map(Object.entries(def.shape!).map(([k, v]) => [k, shapeOf(v, depth + 1)])),
      };
    case 'array':
      return { kind: 'array', item: shapeOf(def.element!, depth + 1) };
    case 'optional':
    case 'nullable':
    case 'default':
    case 'prefault':
    case 'readonly':
    case 'catch':
    case 'nonoptional':
      return shapeOf(def.innerType!, depth);
    case 'pipe':
      // z.preprocess() is a pipe from a transform: the names are those of the schema it feeds.
      return shapeOf(
        (def.in as unknown as { _zod: { def: Def } })._zod.def.type === 'transform' ? def.out! : def.in!,
        depth,
      );
    case 'union':
      return def.options!.map((o) => shapeOf(o, depth)).reduce(merge);
    case 'intersection':
      return merge(shapeOf(def.left!, depth), shapeOf(def.right!, depth));
    case 'lazy':
      return shapeOf(def.getter!(), depth + 1);
    default:
      // Strings, numbers, enums, literals, and anything not listed: one value, never a container.
      return LEAF;
  }
}

/** The declared names of a zod schema (object keys, array items), derived once per schema. */
export function inputShape(schema: z.ZodType): InputShape {
  let shape = cache.get(schema);
  if (!shape) cache.set(schema, (shape = shapeOf(schema, 0)));
  return shape;
}
