/*
 * On a demo database (PGlite folder `dir`), Anna's
 * closing journey — she asks to close her three PES and each provider closes its own (300,00 €, 417,55 € and
 * 200,00 € used: 3.282,45 € freed) — through the services the browser's forms call, for the browser files
 * that start from that point (global-setup.ts runs it in vitest's process, as its services render e-mails with
 * React, which tsx's react-server condition does not give). The closing itself is walked in the browser by the whole
 * journey (annaRequestsClosing, closeAsProvider) and by the JavaScript-less journey.
 */
import { openDb } from '@/db/open';
import { getFamilyVoucherFile } from '@/db/queries/voucher-file';
import { vouchers } from '@/db/schema';
import { requestClosing } from '@/lib/services/family/request-closing';
import { closePes } from '@/lib/services/provider/close-pes';
import { eq } from 'drizzle-orm';
import { demoActors } from '../../integration/support/fixtures';

const USED: Record<string, { by: 'prv1' | 'prv2' | 'prv3'; cents: number; hours: number }> = {
  'BS-2020-0001/1': { by: 'prv1', cents: 30_000, hours: 20 },
  'BS-2020-0001/2': { by: 'prv2', cents: 41_755, hours: 28 },
  'BS-2020-0001/3': { by: 'prv3', cents: 20_000, hours: 13 },
};

export async function closeAnnasPes(dir: string): Promise<void> {
  const { db, close } = await openDb({ pgliteDir: dir });
  try {
    const actors = await demoActors(db);
    const [voucher] = await db.select().from(vouchers).where(eq(vouchers.number, 'BS-2020-0001'));
    const file = await getFamilyVoucherFile(db, actors.anna.userId, voucher!.id);
    const open = file!.standardPes.filter((p) => p.code in USED);
    if (open.length !== 3)
      throw new Error(`expected Anna's three open PES, found ${open.map((p) => p.code).join(', ')}`);
    await requestClosing(db, actors.anna, { voucherId: voucher!.id, pesIds: open.map((p) => p.id) });
    for (const p of open) {
      const u = USED[p.code]!;
      await closePes(db, actors[u.by], { pesId: p.id, usedCents: u.cents, hoursUsed: u.hours });
    }
  } finally {
    await close();
  }
}
