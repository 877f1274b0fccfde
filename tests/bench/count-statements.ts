/**
 * P2, statement count: how many SQL statements the voucher page's read function issues for a
 * voucher with few PES and one with many. Run by tests/bench/run.mjs, while the app is stopped
 * (PGlite has no file lock), as `npx tsx --conditions=react-server tests/bench/count-statements.ts
 * <holderId> <voucherId>...` (the condition makes `server-only` resolve to its empty module).
 * Prints one JSON line: { "<voucherId>": { statements, pes } }.
 */
import { getFamilyVoucherFile } from '../../db/queries/voucher-file';
import { recordingDb } from './recording-db';

async function main() {
  const [holderId, ...voucherIds] = process.argv.slice(2);
  if (!holderId || voucherIds.length === 0) throw new Error('usage: count-statements.ts <holderId> <voucherId>...');
  const { db, statements, close } = await recordingDb();
  try {
    const out: Record<string, { statements: number; pes: number }> = {};
    for (const id of voucherIds) {
      await getFamilyVoucherFile(db, holderId, id); // warm (prepared statements, caches)
      statements.length = 0;
      const file = await getFamilyVoucherFile(db, holderId, id);
      if (!file) throw new Error(`voucher ${id} not found for holder ${holderId}`);
      out[id] = { statements: statements.length, pes: file.pes.length };
    }
    console.log(JSON.stringify(out));
  } finally {
    await close();
  }
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
