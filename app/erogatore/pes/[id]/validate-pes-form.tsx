export function ValidatePesForm({ code }: { pesId: string; code: string }) {
  return <p className="card">La validazione del PES {code} sarà disponibile a breve.</p>;
}
