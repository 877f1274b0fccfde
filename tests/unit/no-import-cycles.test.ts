import path from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { compilerOptions, repoRoot, sourceFiles } from '../support/typescript-sources';

/**
 * No module of lib/ or db/ reaches itself through its imports (type-only imports included: a circle
 * of types is still two modules that cannot be understood one without the other). The graph is read
 * with the TypeScript compiler's own resolution, so `@/…` aliases and relative paths count alike.
 */
const root = repoRoot;
const ROOTS = ['lib', 'db'];

function importGraph(): Map<string, string[]> {
  const options = compilerOptions();
  const files = ROOTS.flatMap((r) => sourceFiles(path.join(root, r)));
  const inScope = new Set(files);
  const graph = new Map<string, string[]>();
  for (const file of files) {
    const { importedFiles } = ts.preProcessFile(ts.sys.readFile(file)!, true, true);
    const targets = importedFiles
      .map((i) => ts.resolveModuleName(i.fileName, file, options, ts.sys).resolvedModule?.resolvedFileName)
      .filter((f): f is string => f !== undefined && inScope.has(path.resolve(f)))
      .map((f) => path.resolve(f));
    graph.set(file, [...new Set(targets)]);
  }
  return graph;
}

/** Tarjan's strongly connected components: every component with more than one module (or a self-import) is a circle. */
function cycles(graph: Map<string, string[]>): string[][] {
  let next = 0;
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const found: string[][] = [];
  const visit = (v: string) => {
    index.set(v, next);
    low.set(v, next++);
    stack.push(v);
    onStack.add(v);
    for (const w of graph.get(v) ?? []) {
      if (!index.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v)!, index.get(w)!));
    }
    if (low.get(v) === index.get(v)) {
      const component: string[] = [];
      let w: string;
      do {
        w = stack.pop()!;
        onStack.delete(w);
        component.push(w);
      } while (w !== v);
      if (component.length > 1 || (graph.get(v) ?? []).includes(v))
        found.push(component.map((f) => path.relative(root, f)).sort());
    }
  };
  for (const v of graph.keys()) if (!index.has(v)) visit(v);
  return found;
}

describe('import graph of lib/ and db/', () => {
  it('reads the whole tree (the walk is not vacuous)', () => {
    const graph = importGraph();
    expect(graph.size).toBeGreaterThan(100);
    // A known edge, through the @/ alias: the queries read the schema.
    expect(graph.get(path.join(root, 'db/queries/voucher-file.ts'))).toContain(path.join(root, 'db/schema/index.ts'));
  });

  it('has no circle', () => {
    expect(cycles(importGraph())).toEqual([]);
  });
});
