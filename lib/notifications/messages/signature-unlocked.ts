/** Sblocca la firma: the family may ask for a new OTP code again. */
export function signatureUnlockedMessage(m: {
  givenName: string;
  familyName: string;
  voucherNumber: string;
  href?: string;
}) {
  return {
    subject: `Firma OTP sbloccata — buono ${m.voucherNumber}`,
    paragraphs: [
      `Gentile ${m.givenName} ${m.familyName},`,
      `la Struttura Multifunzionale Territoriale Ad Personam ha sbloccato la firma OTP della modifica PES del Buono di servizio ${m.voucherNumber}.`,
      'Puoi richiedere un nuovo codice e firmare la richiesta di convalida. Inserisci il codice ricevuto via SMS con attenzione: dopo troppi tentativi errati la firma viene bloccata di nuovo.',
    ],
    ...(m.href ? { link: { href: m.href, label: 'Apri MODIFICA PES' } } : {}),
  };
}
