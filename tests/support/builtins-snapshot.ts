/**
 * The own properties of the shared built-ins (and of their methods) a prototype-pollution bug would write
 * onto. `changesSince` names what differs; `restoreBuiltins` puts it back, so one failing test does not
 * break every test after it in the same process.
 */
const TARGETS = {
  Object: Object.prototype,
  Function: Function.prototype,
  Array: Array.prototype,
  String: String.prototype,
} as const;

type Entry = { target: object; descriptors: Map<PropertyKey, PropertyDescriptor>; proto: object | null };
export type BuiltinsSnapshot = Map<string, Entry>;

function entry(target: object): Entry {
  const descriptors = new Map<PropertyKey, PropertyDescriptor>();
  for (const key of Reflect.ownKeys(target)) descriptors.set(key, Reflect.getOwnPropertyDescriptor(target, key)!);
  return { target, descriptors, proto: Reflect.getPrototypeOf(target) };
}

export function builtinsSnapshot(): BuiltinsSnapshot {
  const out: BuiltinsSnapshot = new Map();
  for (const [name, target] of Object.entries(TARGETS)) {
    const own = entry(target);
    out.set(name, own);
    // Only data properties: accessors such as Function.prototype.caller throw when read.
    for (const [key, d] of own.descriptors)
      if (typeof d.value === 'function') out.set(`${name}.${String(key)}`, entry(d.value as object));
  }
  return out;
}

/** Human-readable differences ('Object.hasOwnProperty: +call'); empty when nothing changed. */
export function changesSince(before: BuiltinsSnapshot): string[] {
  const changes: string[] = [];
  for (const [name, e] of before) {
    const now = entry(e.target);
    const added = [...now.descriptors.keys()].filter((k) => !e.descriptors.has(k));
    const removed = [...e.descriptors.keys()].filter((k) => !now.descriptors.has(k));
    const replaced = [...e.descriptors.keys()].filter(
      (k) => now.descriptors.has(k) && now.descriptors.get(k)!.value !== e.descriptors.get(k)!.value,
    );
    if (added.length) changes.push(`${name}: +${added.map(String).join(', +')}`);
    if (removed.length) changes.push(`${name}: -${removed.map(String).join(', -')}`);
    if (replaced.length) changes.push(`${name}: ~${replaced.map(String).join(', ~')}`);
    if (now.proto !== e.proto) changes.push(`${name}: prototype replaced`);
  }
  return changes;
}

export function restoreBuiltins(before: BuiltinsSnapshot): void {
  for (const e of before.values()) {
    for (const key of Reflect.ownKeys(e.target)) if (!e.descriptors.has(key)) Reflect.deleteProperty(e.target, key);
    for (const [key, d] of e.descriptors) Reflect.defineProperty(e.target, key, d);
    if (Reflect.getPrototypeOf(e.target) !== e.proto) Reflect.setPrototypeOf(e.target, e.proto);
  }
}

/** What a polluted prototype would make visible on fresh objects. */
export function strayProperties(): unknown[] {
  const probe = (v: object) =>
    (v as { x?: unknown; polluted?: unknown; call?: unknown }).x ?? (v as { polluted?: unknown }).polluted;
  return [probe({}), probe([]), probe(() => 1), probe(Object.create(Object.prototype) as object)].filter(
    (v) => v !== undefined,
  );
}
