/** Tells the clerk their second factor was reset, so a reset they did not ask for is noticed. */
export function mfaResetMessage(p: { givenName: string; familyName: string }) {
  return {
    subject: 'Verifica in due passaggi azzerata — Buoni di servizio',
    paragraphs: [
      `Gentile ${p.givenName} ${p.familyName},`,
      'la Struttura Multifunzionale Territoriale Ad Personam ha azzerato la verifica in due passaggi del tuo accesso: le sessioni aperte sono state chiuse e i codici di recupero non valgono più.',
      'Al prossimo accesso ti chiederemo di attivarla di nuovo con l’app di autenticazione. Se non l’hai chiesto tu, contatta subito la Struttura.',
    ],
  };
}
