import type { Metadata } from 'next';
import Link from 'next/link';
import { requireRole } from '@/lib/auth/current-actor';

export const metadata: Metadata = { title: 'Amministrazione' };

export default async function AdministrationHome() {
  await requireRole('office');
  return (
    <div className="space-y-4">
      <h1 className="text-3xl font-bold">Amministrazione</h1>
      <ul className="space-y-3">
        <li className="card">
          <Link href="/ufficio/amministrazione/importa" className="link">
            Importa i buoni assegnati
          </Link>
          <p>Carica da un file CSV i buoni assegnati con famiglie, minori e PES in corso.</p>
        </li>
        <li className="card">
          <Link href="/ufficio/amministrazione/statistiche" className="link">
            Statistiche
          </Link>
          <p>Modifiche PES per stato e per misura, importi convertiti, tempi di decisione.</p>
        </li>
      </ul>
    </div>
  );
}
