/** The SMS carrying the code: short, says what it signs and that nobody should ask for it. */
export function otpSms(m: { code: string; voucherNumber: string; minutes: number }): string {
  return `Provincia di Trento - Buoni di servizio: il codice per firmare la richiesta di convalida del buono ${m.voucherNumber} è ${m.code}. Vale ${m.minutes} minuti. Non comunicarlo a nessuno.`;
}
