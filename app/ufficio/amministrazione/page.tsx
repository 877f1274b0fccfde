import type { Metadata } from 'next';
import Link from 'next/link';
import { requireRole } from '@/lib/auth/current-actor';

export const metadata: Metadata = { title: 'Amministrazione' };

/** One entry per administration section; add new sections to SECTIONS. */
const SECTIONS = [
  {
    href: '/ufficio/amministrazione/soggetti-erogatori',
    title: 'Soggetti erogatori',
    text: 'Enti accreditati, fasce offerte, misure COVID-19 a cui aderiscono e da quando.',
  },
  {
    href: '/ufficio/amministrazione/utenti',
    title: 'Utenti',
    text: 'Operatori degli enti e della Struttura: creazione, disattivazione, ultimo accesso, verifica in due passaggi.',
  },
  {
    href: '/ufficio/amministrazione/misure',
    title: 'Parametri delle misure',
    text: 'Date di apertura e chiusura, costi orari massimi e quota a carico della famiglia.',
  },
  {
    href: '/ufficio/amministrazione/importa',
    title: 'Importa i buoni assegnati',
    text: 'Carica da un file CSV i buoni assegnati con famiglie, minori e PES in corso.',
  },
  {
    href: '/ufficio/amministrazione/statistiche',
    title: 'Statistiche',
    text: 'Modifiche PES per stato e per misura, importi convertiti, tempi di decisione.',
  },
] as const;

export default async function AdminHome() {
  await requireRole('office');
  return (
    <div className="space-y-4">
      <h1 className="text-3xl font-bold">Amministrazione</h1>
      <ul className="grid gap-3 sm:grid-cols-2" aria-label="Sezioni dell’amministrazione">
        {SECTIONS.map((s) => (
          <li key={s.href} className="card">
            <h2 className="text-xl font-bold">
              <Link href={s.href} className="link">
                {s.title}
              </Link>
            </h2>
            <p>{s.text}</p>
          </li>
        ))}
      </ul>
      <p>
        <Link href="/profilo/sicurezza" className="link">
          La tua verifica in due passaggi
        </Link>
      </p>
    </div>
  );
}
