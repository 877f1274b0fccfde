/**
 * P6 data (run by tests/bench/run.mjs and tests/e2e/surge.test.ts with `npx tsx --conditions=react-server`,
 * before the app opens the database): N families (valid codici fiscali ONDFAM…, family names Ondata…), each
 * with its own voucher BS-2020-S…, one child (ONDBIM…) and one active standard PES, all with the password SURGE_PASSWORD
 * (one Argon2 hash, salt included, shared by all). Set-based SQL; idempotent. Each family gets a session
 * cookie minted with AUTH_SECRET as Auth.js's jwt callback shapes it (like prepare-signers.ts).
 * Prints one JSON line: { password, families: [{ codiceFiscale, childCf, name, voucherId, voucherNumber, cookie }] }.
 */
import { sql } from 'drizzle-orm';
import { openDb } from '../../db/open';
import { seedDemoData } from '../../db/seed/seed';
import { IDLE_SECONDS } from '../../lib/auth/session-config';
import { hashPassword } from '../../lib/auth/password-hash';
import { encodeSessionToken } from '../../lib/auth/session-token';
import { isValidCodiceFiscale } from '../../lib/domain/codice-fiscale';

export const SURGE_PASSWORD = 'Ondata-di-apertura-2020!';
export const SURGE_MAX = 33_600;

const ODD: Record<string, number> = Object.fromEntries(
  [1, 0, 5, 7, 9, 13, 15, 17, 19, 21, 2, 4, 18, 20, 11, 3, 6, 8, 12, 14, 16, 10, 22, 25, 24, 23].flatMap((v, k) => [
    [String.fromCharCode(65 + k), v],
    ...(k < 10 ? [[String(k), v]] : []),
  ]),
);
const value = (c: string, odd: boolean) => (odd ? ODD[c]! : /\d/.test(c) ? Number(c) : c.charCodeAt(0) - 65);
const MONTHS = 'ABCDEHLMPRST';

/** A well-formed codice fiscale (check character included; sign-in refuses any other) numbered i, born in Trento. */
export function surgeCodiceFiscale(letters: string, i: number): string {
  const body = `${letters}${String(i % 100).padStart(2, '0')}${MONTHS[Math.floor(i / 100) % 12]}${String(1 + (Math.floor(i / 1200) % 28)).padStart(2, '0')}L378`;
  const sum = [...body].reduce((a, c, k) => a + value(c, k % 2 === 0), 0);
  return body + String.fromCharCode(65 + (sum % 26));
}

async function main() {
  const n = Number(process.argv[2]);
  if (!Number.isSafeInteger(n) || n < 1 || n > SURGE_MAX)
    throw new Error(`usage: seed-surge.ts <families (1–${SURGE_MAX})>`);
  const secret = process.env.AUTH_SECRET;
  if (!secret) throw new Error("AUTH_SECRET is needed to mint the families' sessions");
  const opened = await openDb({ databaseUrl: process.env.DATABASE_URL || undefined });
  const { db } = opened;
  try {
    // The providers (PRV1) and measures the PES refer to; a no-op on a database that has them.
    await seedDemoData(db);
    const hash = await hashPassword(SURGE_PASSWORD);
    const parents = Array.from({ length: n }, (_, k) => surgeCodiceFiscale('ONDFAM', k + 1));
    const kids = Array.from({ length: n }, (_, k) => surgeCodiceFiscale('ONDBIM', k + 1));
    const bad = [...parents, ...kids].find((c) => !isValidCodiceFiscale(c));
    if (bad) throw new Error(`generated an invalid codice fiscale: ${bad}`);
    // The i-th family's codice fiscale and its child's, as SQL over generate_series (i).
    const list = (xs: string[]) => `(array['${xs.join("','")}'])`;
    const range = `generate_series(1, ${n}) i`;
    const cf = `${list(parents)}[i]`;
    const voucher = `'BS-2020-S' || lpad(i::text, 5, '0')`;
    await db.transaction(async (tx) => {
      const run = (q: string) => tx.execute(sql.raw(q));
      await run(`insert into users (codice_fiscale, given_name, family_name, email, mobile, role, password_hash)
        select ${cf}, 'Famiglia', 'Ondata' || lpad(i::text, 5, '0'),
          'ondata.' || i || '@example.it', '+39348' || lpad(i::text, 7, '0'), 'family', '${hash.replace(/'/g, "''")}'
        from ${range} on conflict (codice_fiscale) do nothing`);
      await run(`insert into vouchers (number, holder_id, total_cents, status, assigned_on, employer_name, employer_tax_code, employer_address, employer_sector)
        select ${voucher}, u.id, 200000, 'assigned', '2020-02-10', 'Ondata Srl', '00000000000', 'Via Ondata 1, 38122 Trento (TN)', 'privato'
        from ${range} join users u on u.codice_fiscale = ${cf} on conflict (number) do nothing`);
      await run(`insert into children (voucher_id, position, given_name, family_name, codice_fiscale, birth_date)
        select v.id, 1, 'Bimbo', 'Ondata' || lpad(i::text, 5, '0'), ${list(kids)}[i], '2017-05-01'
        from ${range} join vouchers v on v.number = ${voucher} where not exists (select 1 from children c where c.voucher_id = v.id)`);
      await run(`insert into pes (code, voucher_id, provider_id, kind, band, hours, amount_cents, status)
        select v.number || '/1', v.id, p.id, 'standard', 'C', 80, 200000, 'active'
        from ${range} join vouchers v on v.number = ${voucher} join providers p on p.code = 'PRV1' on conflict (code) do nothing`);
      await run(`insert into pes_children (pes_id, child_id)
        select p.id, ch.id from ${range} join vouchers v on v.number = ${voucher} join pes p on p.voucher_id = v.id join children ch on ch.voucher_id = v.id
        on conflict do nothing`);
    });
    const r = (await db.execute(
      sql.raw(`select u.id as user_id, u.codice_fiscale, u.family_name, u.session_version, v.id as voucher_id, v.number, i
        from ${range} join users u on u.codice_fiscale = ${cf} join vouchers v on v.holder_id = u.id order by i`),
    )) as unknown;
    const rows = (Array.isArray(r) ? r : (r as { rows: unknown[] }).rows) as {
      user_id: string;
      codice_fiscale: string;
      family_name: string;
      session_version: number;
      voucher_id: string;
      number: string;
      i: number;
    }[];
    const now = Math.floor(Date.now() / 1000);
    // The app runs over http here: the cookie has no __Secure- prefix (lib/auth/session-config.ts).
    const cookieName = 'authjs.session-token';
    console.log(
      JSON.stringify({
        password: SURGE_PASSWORD,
        families: rows.map((u) => {
          const claims = {
            name: `Famiglia ${u.family_name}`,
            sub: u.user_id,
            uid: u.user_id,
            role: 'family',
            pid: null,
            sv: Number(u.session_version),
            authTime: now,
          };
          return {
            codiceFiscale: u.codice_fiscale,
            childCf: kids[Number(u.i) - 1]!,
            name: u.family_name,
            voucherId: u.voucher_id,
            voucherNumber: u.number,
            cookie: `${cookieName}=${encodeSessionToken(claims, secret, cookieName, IDLE_SECONDS, now)}`,
          };
        }),
      }),
    );
  } finally {
    await opened.close();
  }
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
