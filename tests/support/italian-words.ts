/**
 * A small dictionary check (issue 21): Italian words that never belong in English text. Enough to catch a
 * string left untranslated; not a language detector. Italian kept on purpose is marked (the catalogue's
 * <it>…</it>, rendered as lang="it") and is removed before looking.
 */
const ITALIAN_WORDS = [
  'il',
  'lo',
  'la',
  'gli',
  'le',
  'dei',
  'delle',
  'della',
  'del',
  'degli',
  'di',
  'da',
  'per',
  'con',
  'che',
  'non',
  'sono',
  'è',
  'una',
  'uno',
  'tuo',
  'tua',
  'puoi',
  'inserisci',
  'seleziona',
  'richiesta',
  'invia',
  'chiusura',
  'importo',
  'buono',
  'buoni',
  'minori',
  'assegnato',
  'ricevuta',
  'conferma',
  'annulla',
  'salva',
  'indietro',
  'famiglia',
  'servizi',
  'servizio',
  'accedi',
  'esempio',
  'oppure',
  'anche',
  'nella',
  'nel',
  'sul',
  'alla',
  'al',
  'questo',
  'questa',
  'ancora',
  'dopo',
  'prima',
  'entro',
  'giorni',
  'codice',
  'modulo',
  'firma',
  'domanda',
];
const WORDS = new Set(ITALIAN_WORDS);

/** The Italian words found in `text` (lower-cased, each once). */
export function italianWordsIn(text: string): string[] {
  const found = new Set<string>();
  // A token with a digit in it is a code, not prose: "6da8" in a UUID is not the Italian "da".
  for (const token of text.toLowerCase().split(/[^\p{L}\p{N}]+/u))
    if (!/\p{N}/u.test(token) && WORDS.has(token)) found.add(token);
  return [...found];
}

/** A catalogue value without its marked Italian parts, tags and placeholders. */
export function unmarkedText(message: string): string {
  return message
    .replace(/<it>[\s\S]*?<\/it>/g, ' ')
    .replace(/<\/?[a-z]+>/g, ' ')
    .replace(/\{[^{}]*\}/g, ' ');
}
