/**
 * Wrong second factors in a row (TOTP or recovery codes, from any address or session) before the second factor
 * locks. Throttling alone leaves about 2 900 guesses a day from several addresses (≈ 23 % in a month for someone
 * holding the password); 20 guesses at 3 codes accepted out of 10⁶ leave ≈ 0.006 %.
 */
export const MFA_LOCK_AFTER = 20;

export const MFA_LOCKED_MESSAGE =
  'Troppi codici errati: il secondo fattore è bloccato. Reimposta la password con «Ho smarrito la password» oppure chiedi all’ufficio (Struttura Multifunzionale Territoriale Ad Personam) di azzerare il secondo fattore.';
