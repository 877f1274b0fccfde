import * as codiceFiscaleModule from 'codice-fiscale-js';

type CheckFn = (cf: string) => boolean;

// The package's .d.ts declares only a default export, but its CommonJS build exports
// { CodiceFiscale }; depending on the bundler's interop it shows up as a named export
// or under `default`. Look in both places instead of trusting either one.
function resolveCheck(): CheckFn {
  const mod = codiceFiscaleModule as unknown as {
    CodiceFiscale?: { check?: CheckFn };
    default?: { check?: CheckFn; CodiceFiscale?: { check?: CheckFn } };
  };
  const cls = mod.CodiceFiscale ?? mod.default?.CodiceFiscale ?? mod.default;
  const check = cls?.check;
  if (typeof check !== 'function') throw new Error('codice-fiscale-js: CodiceFiscale.check not found');
  return check.bind(cls);
}

let check: CheckFn | undefined;

export function normalizeCodiceFiscale(input: string): string {
  return input.replace(/\s+/g, '').toUpperCase();
}

/** Structure and check character; omocodic codes (digits replaced by letters) are valid too. */
export function isValidCodiceFiscale(input: string): boolean {
  const cf = normalizeCodiceFiscale(input);
  if (!/^[A-Z0-9]{16}$/.test(cf)) return false;
  check ??= resolveCheck();
  try {
    return check(cf);
  } catch {
    return false;
  }
}
