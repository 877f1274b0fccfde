import { parseArgs } from 'node:util';
import { AppError } from '@/lib/app-error';
import { ROLES, type Role } from '@/lib/auth/actor';
import { configuredBaseUrl } from '@/lib/config/runtime-config';
import { dispatchOutbox } from '@/lib/notifications/dispatch-outbox';
import { createUser } from '@/lib/services/account/create-user';
import { openDb } from '../open';

const USAGE = `Uso: npm run user:create -- --role office|provider|family --cf <codice fiscale> --email <e-mail> --nome <nome> --cognome <cognome> [--provider <codice erogatore>] [--cellulare <numero>]
Crea l'utente senza password e gli invia per e-mail il collegamento per impostarla (APP_URL, RESEND_API_KEY e DATABASE_URL come per l'applicazione).
Con il database incorporato (PGlite) esegui il comando ad applicazione ferma.`;

async function main() {
  const { values } = parseArgs({
    options: {
      role: { type: 'string' },
      cf: { type: 'string' },
      email: { type: 'string' },
      nome: { type: 'string' },
      cognome: { type: 'string' },
      provider: { type: 'string' },
      cellulare: { type: 'string' },
      help: { type: 'boolean' },
    },
  });
  if (values.help || !values.role || !values.cf || !values.email || !values.nome || !values.cognome) {
    console.log(USAGE);
    process.exit(values.help ? 0 : 2);
  }
  if (!ROLES.includes(values.role as Role))
    throw new AppError('invalid_input', `Ruolo sconosciuto: ${values.role} (office, provider o family).`);
  // The link must point at the real site: no guessing from the machine the command runs on.
  const baseUrl = configuredBaseUrl();
  if (!baseUrl)
    throw new AppError(
      'invalid_input',
      'Imposta APP_URL (l’indirizzo pubblico dell’applicazione, es. https://buoni.provincia.tn.it; in sviluppo http://localhost:3000).',
    );
  const opened = await openDb({ databaseUrl: process.env.DATABASE_URL || undefined });
  try {
    const { userId } = await createUser(
      opened.db,
      {
        role: values.role as Role,
        codiceFiscale: values.cf,
        email: values.email,
        givenName: values.nome,
        familyName: values.cognome,
        providerCode: values.provider,
        mobile: values.cellulare,
      },
      { baseUrl },
    );
    const delivery = await dispatchOutbox(opened.db);
    console.log(
      `Utente creato (${values.role}, id ${userId}). E-mail per impostare la password: ${delivery.sent ? 'inviata' : 'in coda, sarà ritentata dall’applicazione'}.`,
    );
  } finally {
    await opened.close();
  }
}

main().catch((e: unknown) => {
  console.error(e instanceof AppError ? e.message : e instanceof Error ? e.message : e);
  process.exit(1);
});
