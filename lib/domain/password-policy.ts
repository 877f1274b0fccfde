import { ZxcvbnFactory } from '@zxcvbn-ts/core';
import { adjacencyGraphs, dictionary } from '@zxcvbn-ts/language-common';

// NIST SP 800-63B §3.1.1.2: length and a blocklist of guessable passwords,
// no composition rules (no "one digit, one symbol"), any Unicode character allowed.
export const PASSWORD_MIN = 15;
export const PASSWORD_MAX = 128;

export type PasswordCheck = { ok: true } | { ok: false; reasons: string[] };

const GUESSABLE = 'La password è troppo comune o facile da indovinare';
export const PASSWORD_MESSAGES = {
  tooShort: `La password deve avere almeno ${PASSWORD_MIN} caratteri.`,
  tooLong: `La password può avere al massimo ${PASSWORD_MAX} caratteri.`,
  repetitive: `${GUESSABLE}: ripete lo stesso carattere o la stessa sequenza. Scegli una frase di più parole.`,
  personal: `${GUESSABLE}: contiene dati personali come il nome o il codice fiscale. Scegli parole che non ti riguardano.`,
  common: `${GUESSABLE}: evita parole comuni, sequenze della tastiera e date. Prova una frase di quattro o più parole.`,
} as const;

// zxcvbn scores 0–4; 3 means "safely unguessable" (about 10^8 guesses) for an online attack.
const MIN_SCORE = 3;
// Shorter personal fragments ("Ugo") would refuse too many innocent passphrases.
const MIN_PERSONAL_FRAGMENT = 4;

let factory: ZxcvbnFactory | undefined;

// Building the ranked dictionaries costs tens of milliseconds: do it once, on first use.
function getFactory(): ZxcvbnFactory {
  factory ??= new ZxcvbnFactory({
    dictionary,
    graphs: adjacencyGraphs,
    // Levenshtein matching costs ~200 ms of CPU per check (a cheap DoS on the login
    // and reset forms) and adds little once user inputs are matched as substrings.
    useLevenshteinDistance: false,
  });
  return factory;
}

function personalFragments(userInputs: readonly string[]): string[] {
  return userInputs
    .flatMap((s) => s.toLowerCase().split(/[\s'’.-]+/))
    .filter((s) => [...s].length >= MIN_PERSONAL_FRAGMENT);
}

export function checkPassword(pw: string, userInputs: string[] = []): PasswordCheck {
  const length = [...pw].length; // code points, so "è" or an emoji counts as one
  const reasons: string[] = [];
  if (length < PASSWORD_MIN) reasons.push(PASSWORD_MESSAGES.tooShort);
  if (length > PASSWORD_MAX) {
    // Not worth estimating: too long is already a definite answer.
    return { ok: false, reasons: [...reasons, PASSWORD_MESSAGES.tooLong] };
  }

  const result = getFactory().check(pw, userInputs);
  const lower = pw.toLowerCase();
  const whole = result.sequence.length === 1 ? result.sequence[0] : undefined;
  const repetitive = new Set(lower).size <= 2 || whole?.pattern === 'repeat' || whole?.pattern === 'sequence';
  const personal =
    personalFragments(userInputs).some((f) => lower.includes(f)) ||
    result.sequence.some((m) => m.pattern === 'dictionary' && m.dictionaryName === 'userInputs');

  if (repetitive) reasons.push(PASSWORD_MESSAGES.repetitive);
  else if (personal) reasons.push(PASSWORD_MESSAGES.personal);
  else if (result.score < MIN_SCORE) reasons.push(PASSWORD_MESSAGES.common);

  return reasons.length === 0 ? { ok: true } : { ok: false, reasons };
}
