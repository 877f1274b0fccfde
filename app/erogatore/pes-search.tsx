/** The provider's search (a plain GET form, works without JavaScript): its results are on "Tutti i PES". */
export function PesSearch({ q }: { q: string }) {
  return (
    <form role="search" method="get" action="/erogatore/pes" className="flex flex-col gap-2 sm:flex-row sm:items-end">
      <div className="flex-1">
        <label htmlFor="q" className="mb-1 block font-semibold">
          Cerca per codice fiscale, numero del buono o del PES
        </label>
        <input id="q" name="q" defaultValue={q} className="field-input" maxLength={40} autoCapitalize="characters" />
      </div>
      <button type="submit" className="btn-secondary">
        Cerca
      </button>
    </form>
  );
}
