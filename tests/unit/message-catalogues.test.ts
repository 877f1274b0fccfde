import { describe, expect, it } from 'vitest';
import enMessages from '@/messages/en';
import itMessages from '@/messages/it';
import { italianWordsIn, unmarkedText } from '../support/italian-words';

type Tree = { [key: string]: string | Tree };

function flatten(tree: Tree, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [k, v] of Object.entries(tree)) {
    const key = prefix ? `${prefix}.${k}` : k;
    if (typeof v === 'string') out.set(key, v);
    else for (const [kk, vv] of flatten(v, key)) out.set(kk, vv);
  }
  return out;
}

const IT = flatten(itMessages as Tree);
const EN = flatten(enMessages as Tree);
/** The argument names of an ICU message, including those inside select/plural option bodies. */
function argumentsOf(message: string, found = new Set<string>()): Set<string> {
  let i = 0;
  while (i < message.length) {
    if (message[i] !== '{') {
      i++;
      continue;
    }
    let depth = 0;
    let j = i;
    for (; j < message.length; j++) {
      if (message[j] === '{') depth++;
      else if (message[j] === '}' && --depth === 0) break;
    }
    const inner = message.slice(i + 1, j);
    const [name = '', , ...options] = inner.split(',');
    found.add(name.trim());
    // Option bodies ("true {inviata di nuovo}") are messages too: look inside them, not at their keys.
    const rest = options.join(',');
    for (const body of rest.matchAll(/\{((?:[^{}]|\{[^{}]*\})*)\}/g)) argumentsOf(body[1] ?? '', found);
    i = j + 1;
  }
  return found;
}
const placeholders = (s: string) => [...argumentsOf(s)].sort();
const tags = (s: string) => [...new Set([...s.matchAll(/<(\w+)>/g)].map((m) => m[1]))].filter((t) => t !== 'it').sort();

describe('the Italian and English catalogues (issue 21)', () => {
  it('have the same keys', () => {
    expect([...EN.keys()].filter((k) => !IT.has(k))).toEqual([]);
    expect([...IT.keys()].filter((k) => !EN.has(k))).toEqual([]);
  });

  it.each([...IT.keys()].filter((k) => EN.has(k)))('%s: same placeholders and tags in both', (key) => {
    const a = IT.get(key)!;
    const b = EN.get(key)!;
    expect(placeholders(b)).toEqual(placeholders(a));
    expect(tags(b)).toEqual(tags(a));
  });

  it('have no empty message', () => {
    expect([...IT, ...EN].filter(([, v]) => v.trim() === '').map(([k]) => k)).toEqual([]);
  });

  it('English has no Italian outside the parts marked <it>…</it>', () => {
    const offending = [...EN]
      .map(([key, value]) => [key, italianWordsIn(unmarkedText(value))] as const)
      .filter(([, words]) => words.length > 0);
    expect(offending).toEqual([]);
  });

  it('the dictionary check does catch Italian', () => {
    expect(italianWordsIn(unmarkedText('Invia la richiesta'))).toEqual(['invia', 'la', 'richiesta']);
    expect(italianWordsIn(unmarkedText('Send close request (<it>INVIA RICHIESTA DI CHIUSURA</it>)'))).toEqual([]);
  });

  it('the dictionary check reads codes as codes, not words', () => {
    // A receipt's signature id: "6da8" once made the whole journey report the Italian "da".
    expect(italianWordsIn('Signed (code 2201b771-6da8-4ba7-a440-6ee84a3b2150)')).toEqual([]);
    expect(italianWordsIn('Signed (code 2201b771-6da8) da Anna')).toEqual(['da']);
  });
});
