import { openDb } from '../open';
import { seedDemoData } from '../seed/seed';

// PGlite has no file lock: run this while the app is stopped (or use DATABASE_URL).
async function main() {
  const opened = await openDb({ databaseUrl: process.env.DATABASE_URL || undefined });
  await seedDemoData(opened.db);
  await opened.close();
  console.log(`Dati dimostrativi presenti (${opened.kind}).`);
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
