import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

/**
 * WCAG 2.5.3 (label in name): a speech-input user says the words they see, so the accessible name of a
 * link or button (its aria-label, when it has one) must contain its visible text. Checked statically over
 * every JSX file of app/, without a browser: for a computed aria-label only its static parts are known, so
 * the visible text must be found in them.
 */

const ROOT = path.resolve(__dirname, '../../app');
const INTERACTIVE_TAGS = new Set(['a', 'Link', 'button', 'summary']);
const INTERACTIVE_ROLES = new Set(['link', 'button', 'menuitem', 'tab', 'switch', 'checkbox', 'radio', 'option']);

function tsxFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    return e.isDirectory() ? tsxFiles(p) : e.name.endsWith('.tsx') ? [p] : [];
  });
}

const norm = (s: string) => s.replace(/\s+/g, ' ').trim().toLowerCase();
const DYNAMIC = '\u0000';

type Attrs = ts.JsxAttributes;
function attr(attrs: Attrs, name: string): ts.JsxAttribute | undefined {
  return attrs.properties.find((p): p is ts.JsxAttribute => ts.isJsxAttribute(p) && p.name.getText() === name);
}

/** The attribute's text, with DYNAMIC where an expression goes; null when nothing of it is known statically. */
function staticValue(a: ts.JsxAttribute): string | null {
  const init = a.initializer;
  if (!init) return null;
  if (ts.isStringLiteral(init)) return init.text;
  if (!ts.isJsxExpression(init) || !init.expression) return null;
  const e = init.expression;
  if (ts.isStringLiteral(e) || ts.isNoSubstitutionTemplateLiteral(e)) return e.text;
  if (ts.isTemplateExpression(e)) return e.head.text + e.templateSpans.map((s) => DYNAMIC + s.literal.text).join('');
  return null;
}

/** The text a sighted user reads inside the element, with DYNAMIC for what only runs know; sr-only text is not seen. */
function visibleText(children: ts.NodeArray<ts.JsxChild>): string {
  return children
    .map((c) => {
      if (ts.isJsxText(c)) return c.text;
      if (ts.isJsxExpression(c)) {
        if (!c.expression) return '';
        if (ts.isStringLiteral(c.expression) || ts.isNoSubstitutionTemplateLiteral(c.expression))
          return c.expression.text;
        return DYNAMIC;
      }
      if (ts.isJsxElement(c)) {
        const a = c.openingElement.attributes;
        const cls = attr(a, 'className');
        const hidden = (cls && staticValue(cls)?.split(/\s+/).includes('sr-only')) || attr(a, 'aria-hidden');
        return hidden ? '' : visibleText(c.children);
      }
      if (ts.isJsxFragment(c)) return visibleText(c.children);
      return '';
    })
    .join('');
}

/** Each known chunk of the visible text appears in the label, in order (a dynamic part matches anything). */
function labelContainsVisible(label: string, visible: string): boolean {
  const chunks = visible.split(DYNAMIC).map(norm).filter(Boolean);
  const parts = label.split(DYNAMIC).map(norm);
  let pi = 0;
  let from = 0;
  for (const chunk of chunks) {
    let found = false;
    while (pi < parts.length) {
      const at = parts[pi]!.indexOf(chunk, from);
      if (at >= 0) {
        from = at + chunk.length;
        found = true;
        break;
      }
      pi++;
      from = 0;
    }
    if (!found) return false;
  }
  return true;
}

type Violation = { where: string; label: string; visible: string };

function violationsIn(file: string): Violation[] {
  const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true, ts.ScriptKind.TSX);
  const out: Violation[] = [];
  const visit = (node: ts.Node) => {
    if (ts.isJsxElement(node)) {
      const open = node.openingElement;
      const tag = open.tagName.getText();
      const role = attr(open.attributes, 'role');
      const roleValue = role ? staticValue(role) : null;
      const label = attr(open.attributes, 'aria-label');
      if (label && (INTERACTIVE_TAGS.has(tag) || (roleValue && INTERACTIVE_ROLES.has(roleValue)))) {
        const labelText = staticValue(label);
        const visible = visibleText(node.children);
        if (labelText !== null && norm(visible.replaceAll(DYNAMIC, ''))) {
          if (!labelContainsVisible(labelText, visible)) {
            const { line } = source.getLineAndCharacterOfPosition(open.getStart());
            out.push({
              where: `${path.relative(ROOT, file)}:${line + 1}`,
              label: labelText.replaceAll(DYNAMIC, '…'),
              visible: norm(visible.replaceAll(DYNAMIC, '…')),
            });
          }
        }
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return out;
}

describe('label in name (WCAG 2.5.3)', () => {
  it('matches visible words against static and computed labels', () => {
    expect(labelContainsVisible('Modifica il PES ' + DYNAMIC, 'Modifica')).toBe(true);
    expect(labelContainsVisible('Vedi la modifica PES del buono ' + DYNAMIC, 'Vedi la richiesta')).toBe(false);
    expect(
      labelContainsVisible('Vedi la richiesta: modifica PES del buono ' + DYNAMIC, '\n  Vedi  la RICHIESTA\n'),
    ).toBe(true);
    expect(labelContainsVisible('Apri il PES ' + DYNAMIC + ' di ' + DYNAMIC, 'Apri ' + DYNAMIC)).toBe(true);
    expect(labelContainsVisible('Apri il PES', 'Chiudi ' + DYNAMIC)).toBe(false);
  });

  it('every link and button with an aria-label in app/ has its visible text inside that label', () => {
    const files = tsxFiles(ROOT);
    expect(files.length).toBeGreaterThan(20);
    expect(files.flatMap(violationsIn)).toEqual([]);
  });
});
