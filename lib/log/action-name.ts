import { readFileSync } from 'node:fs';
import path from 'node:path';

const KEY = Symbol.for('bsp.actionNames');

/** The build's map from server action id to exported name (the production bundle's function names are minified). */
function namesById(): Record<string, string> {
  const g = globalThis as unknown as { [KEY]?: Record<string, string> };
  if (g[KEY]) return g[KEY];
  const names: Record<string, string> = {};
  try {
    const manifest = JSON.parse(
      readFileSync(path.join(process.cwd(), '.next', 'server', 'server-reference-manifest.json'), 'utf8'),
    ) as {
      node?: Record<string, { exportedName?: string }>;
    };
    for (const [id, entry] of Object.entries(manifest.node ?? {}))
      if (entry.exportedName) names[id] = entry.exportedName;
  } catch {
    /* no build (tests, next dev): the call stack names the action */
  }
  return (g[KEY] = names);
}

/** From the stack captured on entry to guarded(): the first frame that is not the guard itself. */
export function actionNameFromStack(stack: string | undefined): string | null {
  for (const line of (stack ?? '').split('\n').slice(1)) {
    const fn = /^\s*at (?:async )?(?:[\w$]+\.)*([\w$]+) /.exec(line)?.[1];
    if (!fn || /^(observeAction|guarded|staffGuarded)$/.test(fn)) continue;
    return /^[a-z][\w$]*Action$/.test(fn) ? fn : null;
  }
  return null;
}

/** The use case's name for spans, logs and metrics: the exported action's name, or "action" when unknown. */
export function actionName(actionId: string | null, stack: string | undefined): string {
  return actionNameFromStack(stack) ?? (actionId ? namesById()[actionId] : undefined) ?? 'action';
}
