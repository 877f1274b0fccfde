import { readFileSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { compilerOptions, repoRoot, sourceFiles } from '../support/typescript-sources';
import { CLIENT_NAMESPACES } from '@/lib/i18n/messages';
import itMessages from '@/messages/it';

/**
 * Every namespace a client component reads reaches it through the providers above it (lib/i18n/messages.ts):
 * the root layout gives CLIENT_NAMESPACES to every page, a `<PageMessages namespaces={[…]}>` gives those
 * plus its own to what it wraps (it replaces the messages above it, as NextIntlClientProvider does), and
 * `<ItalianOnly namespaces={[…]}>` the same in Italian. A namespace missing there shows its keys to the
 * reader (and throws in development and in the browser tests: I18N_STRICT). Read from the source with the
 * TypeScript compiler: imports (not type-only ones), `'use client'` boundaries, `useTranslations('Ns…')`
 * calls and the JSX nesting of the providers, so a component rendered outside the page's PageMessages
 * counts as not given it.
 */
const root = repoRoot;
const ROOTS = ['app', 'lib'];
const ROOT_SET: ReadonlySet<string> = new Set(CLIENT_NAMESPACES);
/** The files Next renders for a route segment, each under the layouts of its folder and those above. */
const ROUTE_FILE = /^(page|layout|template|error|not-found|loading|default|forbidden|unauthorized)\.tsx$/;

/** PageMessages or ItalianOnly: either gives the root set plus its namespaces (in Italian for the latter). */
type Provider = { namespaces: string[] };

type Module = {
  file: string;
  client: boolean;
  /** The namespaces this module itself reads with useTranslations. */
  reads: Set<string>;
  /** Calls whose namespace cannot be read from the source (a variable, none, useMessages). */
  unreadable: string[];
  /** Imported module → the providers around its uses here; null where it is used outside any provider. */
  imports: Map<string, (Provider[] | null)[]>;
  /** For a layout: the providers around `{children}` (null outside any). */
  childrenIn: (Provider[] | null)[];
};

const options = compilerOptions();
const files = ROOTS.flatMap((r) => sourceFiles(path.join(root, r)));
const inScope = new Set(files);

function resolve(spec: string, from: string): string | undefined {
  const f = ts.resolveModuleName(spec, from, options, ts.sys).resolvedModule?.resolvedFileName;
  return f && inScope.has(path.resolve(f)) ? path.resolve(f) : undefined;
}

function literalStrings(node: ts.Expression | undefined): string[] | null {
  if (!node) return null;
  if (ts.isJsxExpression(node)) return literalStrings(node.expression);
  if (ts.isAsExpression(node) || ts.isSatisfiesExpression(node)) return literalStrings(node.expression);
  if (!ts.isArrayLiteralExpression(node)) return null;
  const out: string[] = [];
  for (const e of node.elements) {
    if (!ts.isStringLiteralLike(e)) return null;
    out.push(e.text);
  }
  return out;
}

function providerOf(el: ts.JsxElement, file: string): Provider | undefined {
  const tag = el.openingElement.tagName.getText();
  if (tag !== 'PageMessages' && tag !== 'ItalianOnly') return undefined;
  const attr = el.openingElement.attributes.properties.find(
    (p): p is ts.JsxAttribute => ts.isJsxAttribute(p) && p.name.getText() === 'namespaces',
  );
  if (!attr && tag === 'ItalianOnly') return { namespaces: [] };
  const namespaces = literalStrings(attr?.initializer as ts.Expression | undefined);
  if (!namespaces) throw new Error(`${path.relative(root, file)}: ${tag} needs a literal array of namespaces`);
  return { namespaces };
}

function parse(file: string): Module {
  const text = readFileSync(file, 'utf8');
  const sf = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true, ts.ScriptKind.TSX);
  const first = sf.statements[0];
  const client =
    first !== undefined &&
    ts.isExpressionStatement(first) &&
    ts.isStringLiteral(first.expression) &&
    first.expression.text === 'use client';
  const mod: Module = { file, client, reads: new Set(), unreadable: [], imports: new Map(), childrenIn: [] };
  const bindings = new Map<string, string>();
  const note = (target: string, providers: Provider[] | null) => {
    const list = mod.imports.get(target) ?? [];
    list.push(providers);
    mod.imports.set(target, list);
  };
  for (const s of sf.statements) {
    if (ts.isImportDeclaration(s) && ts.isStringLiteral(s.moduleSpecifier)) {
      const clause = s.importClause;
      if (clause?.isTypeOnly) continue;
      const target = resolve(s.moduleSpecifier.text, file);
      if (!target) continue;
      const names: string[] = [];
      if (clause?.name) names.push(clause.name.text);
      const nb = clause?.namedBindings;
      if (nb && ts.isNamespaceImport(nb)) names.push(nb.name.text);
      if (nb && ts.isNamedImports(nb)) for (const e of nb.elements) if (!e.isTypeOnly) names.push(e.name.text);
      if (clause && names.length === 0) continue; // only types
      if (!clause) note(target, null); // a side-effect import
      for (const n of names) bindings.set(n, target);
    } else if (
      ts.isExportDeclaration(s) &&
      s.moduleSpecifier &&
      ts.isStringLiteral(s.moduleSpecifier) &&
      !s.isTypeOnly
    ) {
      const target = resolve(s.moduleSpecifier.text, file);
      if (target) note(target, null);
    }
  }
  const line = (n: ts.Node) =>
    `${path.relative(root, file)}:${sf.getLineAndCharacterOfPosition(n.getStart()).line + 1}`;
  const visit = (node: ts.Node, providers: Provider[] | null) => {
    if (ts.isJsxElement(node)) {
      const p = providerOf(node, file);
      if (p) {
        const inner = [...(providers ?? []), p];
        node.children.forEach((c) => visit(c, inner));
        return;
      }
    }
    if (ts.isCallExpression(node)) {
      const callee = node.expression.getText();
      if (callee === 'useTranslations') {
        const arg = node.arguments[0];
        if (arg && ts.isStringLiteralLike(arg)) mod.reads.add(arg.text.split('.')[0]!);
        else mod.unreadable.push(`${line(node)} useTranslations(${arg?.getText() ?? ''})`);
      } else if (callee === 'useMessages') mod.unreadable.push(`${line(node)} useMessages()`);
      else if (callee === 'import' && node.arguments[0] && ts.isStringLiteralLike(node.arguments[0])) {
        const target = resolve(node.arguments[0].text, file);
        if (target) note(target, providers);
      }
    }
    if (ts.isIdentifier(node) && !ts.isImportSpecifier(node.parent) && !ts.isImportClause(node.parent)) {
      const target = bindings.get(node.text);
      if (target && !(ts.isPropertyAccessExpression(node.parent) && node.parent.name === node)) note(target, providers);
      if (node.text === 'children' && ts.isJsxExpression(node.parent)) mod.childrenIn.push(providers);
    }
    ts.forEachChild(node, (c) => visit(c, providers));
  };
  sf.statements.forEach((s) => {
    if (!ts.isImportDeclaration(s)) visit(s, null);
  });
  return mod;
}

const modules = new Map(files.map((f) => [f, parse(f)]));

/** What a provider stack gives: the innermost provider replaces all above it. */
function given(stack: Provider[] | null, inherited: ReadonlySet<string>): ReadonlySet<string> {
  const inner = stack?.at(-1);
  return inner ? new Set([...ROOT_SET, ...inner.namespaces]) : inherited;
}

/** Every namespace read anywhere below a client boundary (all its imports are client code too). */
function clientReads(file: string, seen = new Set<string>()): Set<string> {
  const out = new Set<string>();
  if (seen.has(file)) return out;
  seen.add(file);
  const m = modules.get(file)!;
  m.reads.forEach((n) => out.add(n));
  for (const t of m.imports.keys()) clientReads(t, seen).forEach((n) => out.add(n));
  return out;
}

/** What the client components that a module renders read (a server module's own reads use the server's catalogue). */
function readsBelowBoundaries(file: string, seen = new Set<string>()): Set<string> {
  if (seen.has(file)) return new Set();
  seen.add(file);
  const m = modules.get(file)!;
  if (m.client) return clientReads(file);
  return new Set([...m.imports.keys()].flatMap((t) => [...readsBelowBoundaries(t, seen)]));
}

function unreadableBelow(file: string, seen = new Set<string>()): string[] {
  if (seen.has(file)) return [];
  seen.add(file);
  const m = modules.get(file)!;
  return [...m.unreadable, ...[...m.imports.keys()].flatMap((t) => unreadableBelow(t, seen))];
}

/** The namespaces each route file gives `{children}`-less content: the root set, or its layouts' providers. */
function inheritedBy(routeFile: string): ReadonlySet<string> {
  const dirs: string[] = [];
  for (let d = path.dirname(routeFile); d.startsWith(path.join(root, 'app')); d = path.dirname(d)) dirs.unshift(d);
  let set: ReadonlySet<string> = ROOT_SET;
  for (const d of dirs) {
    const layout = path.join(d, 'layout.tsx');
    if (layout === routeFile || !modules.has(layout)) continue;
    const stacks = modules.get(layout)!.childrenIn;
    // children rendered in several places: only what every place gives
    const sets = stacks.map((s) => given(s, set));
    if (sets.length) set = new Set([...sets[0]!].filter((n) => sets.every((s) => s.has(n))));
  }
  return set;
}

type Gap = { route: string; component: string; missing: string[] };

function gapsOf(routeFile: string): Gap[] {
  const gaps: Gap[] = [];
  const seen = new Set<string>();
  const walk = (file: string, provided: ReadonlySet<string>) => {
    const key = `${file}|${[...provided].sort().join(',')}`;
    if (seen.has(key)) return;
    seen.add(key);
    const m = modules.get(file)!;
    if (m.client) {
      const missing = [...clientReads(file)].filter((n) => !provided.has(n)).sort();
      if (missing.length)
        gaps.push({ route: path.relative(root, routeFile), component: path.relative(root, file), missing });
      return;
    }
    for (const [target, uses] of m.imports) for (const stack of uses) walk(target, given(stack, provided));
  };
  walk(routeFile, inheritedBy(routeFile));
  return gaps;
}

const routeFiles = files.filter(
  (f) => f.startsWith(path.join(root, 'app') + path.sep) && ROUTE_FILE.test(path.basename(f)),
);
const clientFiles = files.filter((f) => modules.get(f)!.client);

describe('client messages', () => {
  it('finds the route files and the client components it checks', () => {
    expect(routeFiles.map((f) => path.relative(root, f))).toContain('app/famiglia/buoni/[id]/estivi/page.tsx');
    expect(clientReads(path.join(root, 'app/famiglia/buoni/[id]/estivi/summer-pes-form.tsx'))).toContain('Money');
    expect(clientFiles.length).toBeGreaterThan(20);
  });

  it('reads every namespace of a client component from a literal, so it can be checked', () => {
    expect(clientFiles.flatMap((f) => unreadableBelow(f))).toEqual([]);
  });

  it('gives every client component, on every page that renders it, the namespaces it reads', () => {
    expect(routeFiles.flatMap(gapsOf)).toEqual([]);
  });

  it('names only namespaces that exist in the catalogue', () => {
    const named = new Set<string>(CLIENT_NAMESPACES);
    for (const m of modules.values()) {
      m.reads.forEach((n) => named.add(n));
      for (const uses of m.imports.values())
        for (const s of uses) for (const p of s ?? []) p.namespaces.forEach((n) => named.add(n));
    }
    expect([...named].filter((n) => !(n in itMessages))).toEqual([]);
  });

  it('keeps in the root set only namespaces that a component every page can render reads', () => {
    // The root layout's client components, the error page and the shared buttons are on every page;
    // anything else in CLIENT_NAMESPACES would travel with pages that never read it.
    const everywhere = new Set<string>();
    for (const f of ['app/layout.tsx', 'app/error.tsx', 'app/not-found.tsx', 'app/_components/submit-button.tsx'])
      readsBelowBoundaries(path.join(root, f)).forEach((n) => everywhere.add(n));
    expect([...ROOT_SET].filter((n) => !everywhere.has(n))).toEqual([]);
  });
});
