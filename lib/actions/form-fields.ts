import type { FormValues } from './form-input';
import type { InputShape } from './input-shape';
import { bare, INPUT_LIMITS, INPUT_MESSAGES, type ReadInput } from './input-limits';

/** A container while the form is read: objects by name, arrays by index (`pes.0.amount`) or repeated name. */
type Node =
  | { kind: 'object'; fields: Map<string, Node | string> }
  | { kind: 'array'; byIndex: Map<number, Node | string>; repeated: string[] };

const INDEX = /^(0|[1-9]\d{0,2})$/;

function container(shape: InputShape): Node {
  return shape.kind === 'array'
    ? { kind: 'array', byIndex: new Map(), repeated: [] }
    : { kind: 'object', fields: new Map() };
}

/** Holes dropped, indexes in order, repeated names after them; every object built without a prototype. */
function finish(node: Node | string): unknown {
  if (typeof node === 'string') return node;
  if (node.kind === 'array')
    return [...[...node.byIndex.entries()].sort(([a], [b]) => a - b).map(([, v]) => finish(v)), ...node.repeated];
  const out = bare();
  for (const [k, v] of node.fields) out[k] = finish(v);
  return out;
}

/** Puts one posted value at its dotted name; the refusal's message when it cannot go there. */
function place(root: Node, shape: InputShape, path: string[], value: string): string | null {
  let node = root;
  let at = shape;
  for (let i = 0; i < path.length; i++) {
    const seg = path[i]!;
    const last = i === path.length - 1;
    let child: InputShape | undefined;
    let key: string | number;
    if (at.kind === 'object' && node.kind === 'object') [child, key] = [at.fields.get(seg), seg];
    else if (at.kind === 'array' && node.kind === 'array' && INDEX.test(seg) && Number(seg) < INPUT_LIMITS.items)
      [child, key] = [at.item, Number(seg)];
    else return INPUT_MESSAGES.undeclared;
    if (!child) return INPUT_MESSAGES.undeclared;
    const bag = (node.kind === 'object' ? node.fields : node.byIndex) as Map<string | number, Node | string>;
    if (last) {
      if (child.kind === 'leaf') bag.set(key, value);
      else if (child.kind === 'array' && child.item.kind === 'leaf') {
        // A checkbox group: one entry per ticked box under the same name.
        const list = bag.get(key) ?? container(child);
        if (typeof list === 'string' || list.kind !== 'array') return INPUT_MESSAGES.undeclared;
        if (list.repeated.length >= INPUT_LIMITS.items) return INPUT_MESSAGES.tooMany;
        list.repeated.push(value);
        bag.set(key, list);
      } else return INPUT_MESSAGES.undeclared;
      return null;
    }
    if (child.kind === 'leaf') return INPUT_MESSAGES.undeclared;
    let next = bag.get(key);
    if (next === undefined) bag.set(key, (next = container(child)));
    if (typeof next === 'string') return INPUT_MESSAGES.undeclared;
    node = next;
    at = child;
  }
  return INPUT_MESSAGES.undeclared;
}

/**
 * FormData with dotted names (`pes.0.amount`, as react-hook-form names its fields) → the schema's shape, so a
 * form posted before hydration parses with the same schema as the hydrated one. Only names the schema declares
 * are accepted, into objects without a prototype: a name such as `hasOwnProperty.call` or `__proto__.x` is
 * refused, never walked into (X1). React's own `$ACTION_…` fields and files are skipped. Top-level lists that
 * were not posted (no box ticked) arrive empty, so the schema's "choose at least one" message applies.
 */
export function formFields(shape: InputShape, fd: FormData, opts: { checkboxes?: readonly string[] } = {}): ReadInput {
  if (shape.kind !== 'object') return { ok: false, message: INPUT_MESSAGES.undeclared };
  const root: Node = { kind: 'object', fields: new Map() };
  const posted = new Map<string, string | string[]>();
  let count = 0;
  for (const [name, value] of fd.entries()) {
    if (++count > INPUT_LIMITS.fields) return { ok: false, message: INPUT_MESSAGES.tooMany };
    if (typeof value !== 'string' || name.startsWith('$ACTION')) continue;
    const path = name.split('.');
    const refused = path.length > INPUT_LIMITS.depth ? INPUT_MESSAGES.undeclared : place(root, shape, path, value);
    if (refused) return { ok: false, message: refused };
    const prev = posted.get(name);
    posted.set(name, prev === undefined ? value : Array.isArray(prev) ? [...prev, value] : [prev, value]);
  }
  const value = finish(root) as Record<string, unknown>;
  for (const [k, s] of shape.fields) if (s.kind === 'array' && value[k] === undefined) value[k] = [];
  // Ticked boxes post "on", unticked ones nothing: the schema sees true/false (any other text stays and is refused).
  for (const name of opts.checkboxes ?? [])
    value[name] = value[name] === undefined ? false : value[name] === 'on' ? true : value[name];
  // A plain object on purpose: it goes back to the browser, and React serialises only plain objects. Its
  // names are declared ones, and fromEntries defines them rather than assigning (no setter runs).
  return { ok: true, value, posted: Object.fromEntries(posted) as FormValues };
}
