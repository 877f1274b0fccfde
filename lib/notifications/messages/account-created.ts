/** The first e-mail of an account created by the office's command line: it sets the password. */
export function accountCreatedMessage(p: { givenName: string; familyName: string; link: string; validHours: number }) {
  return {
    subject: 'Il tuo accesso ai Buoni di servizio — imposta la password',
    paragraphs: [
      `Gentile ${p.givenName} ${p.familyName},`,
      'è stato creato il tuo accesso ai Buoni di servizio della Provincia autonoma di Trento. Il nome utente è il tuo codice fiscale.',
      `Per entrare imposta la tua password con il collegamento qui sotto: vale una sola volta e scade tra ${p.validHours} ore. Se scade, usa «Ho smarrito la password» nella pagina di accesso.`,
    ],
    link: { href: p.link, label: 'Imposta la password' },
  };
}
