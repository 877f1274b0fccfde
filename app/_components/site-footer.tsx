export function SiteFooter() {
  return (
    <footer className="mt-8 bg-[#1f2b37] text-white">
      <div className="mx-auto grid max-w-5xl gap-2 px-4 py-6 text-sm sm:grid-cols-2">
        <p>
          <strong>Provincia autonoma di Trento</strong>
          <br />
          Struttura Multifunzionale Territoriale Ad Personam — Fondo Sociale Europeo
        </p>
        <p className="sm:text-right">
          Buoni di servizio per la conciliazione tra lavoro e famiglia
          <br />
          Del. G.P. n. 575/2020 e n. 742/2020
        </p>
      </div>
    </footer>
  );
}
