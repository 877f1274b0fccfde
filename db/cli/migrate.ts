import { openDb } from '../open';

async function main() {
  const opened = await openDb({ databaseUrl: process.env.DATABASE_URL || undefined });
  await opened.close();
  console.log(`Migrazioni applicate (${opened.kind}).`);
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
