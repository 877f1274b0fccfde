import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { connection } from 'next/server';

export const metadata: Metadata = { title: 'Riferimento per le misure', robots: { index: false } };

const ROWS = Array.from({ length: 20 }, (_, i) => ({
  code: `RIF-${String(i + 1).padStart(2, '0')}`,
  label: `Riga di riferimento ${i + 1}`,
}));

/**
 * The benchmark's floor (`npm run bench`): a dynamic page of this build with the root layout and
 * 20 rows, no session, no database, no proxy work (proxy.ts skips it). Every page is reported against it.
 * Only a build made for the benchmark has it: BENCH_FLOOR is inlined at build time (next.config.mjs `env`),
 * so a production build without it answers 404 here, whatever the server's environment says.
 */
export default async function FloorPage() {
  if (process.env.BENCH_FLOOR !== '1') notFound();
  await connection();
  const at = new Date().toISOString();
  return (
    <div className="space-y-4">
      <h1 className="text-3xl font-bold">Pagina di riferimento</h1>
      <p>Generata alle {at}.</p>
      <table className="w-full text-left">
        <caption className="sr-only">Righe di riferimento</caption>
        <thead>
          <tr>
            <th scope="col">Codice</th>
            <th scope="col">Descrizione</th>
          </tr>
        </thead>
        <tbody>
          {ROWS.map((r) => (
            <tr key={r.code}>
              <td>{r.code}</td>
              <td>{r.label}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
