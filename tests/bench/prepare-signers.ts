/**
 * P4 data (run by tests/bench/run.mjs with `npx tsx --conditions=react-server`, while the app is
 * stopped): N families (codici fiscali BNS…), each with a voucher whose conversion is ready to sign —
 * its standard PES closed, one validated babysitting PES, the employment condition declared — and a
 * live OTP code whose hash and dossier binding are made exactly as sendOtp makes them (hashOtp over
 * the code id and the code, the SHA-256 of buildDossier), with the known code CODE and a life long
 * enough for the run. Set-based SQL for the rows, then one dossier per conversion. Idempotent.
 * Each signer gets a session cookie minted with AUTH_SECRET exactly as Auth.js's jwt callback shapes
 * it (signing in 200 families through the login form would measure argon2, not the confirmation).
 * Prints one JSON line: { code, signers: [{ codiceFiscale, voucherId, cookie }] }.
 */
import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { openDb } from '../../db/open';
import { otpCodes } from '../../db/schema';
import { IDLE_SECONDS } from '../../lib/auth/session-config';
import { encodeSessionToken } from '../../lib/auth/session-token';
import { maskMobile } from '../../lib/domain/otp';
import { buildDossier } from '../../db/queries/build-dossier';
import { hashOtp } from '../../lib/auth/otp-code';

export const CODE = '246810';

async function main() {
  const n = Number(process.argv[2]);
  if (!Number.isSafeInteger(n) || n < 1) throw new Error('usage: prepare-signers.ts <signers>');
  const opened = await openDb({ databaseUrl: process.env.DATABASE_URL || undefined });
  const { db } = opened;
  const rows = async <T>(q: string): Promise<T[]> => {
    const r = (await db.execute(sql.raw(q))) as unknown;
    return (Array.isArray(r) ? r : (r as { rows: T[] }).rows) as T[];
  };
  try {
    const range = `generate_series(1, ${n}) i`;
    const voucher = `'BS-2020-5' || lpad(i::text, 3, '0')`;
    await db.transaction(async (tx) => {
      const run = (q: string) => tx.execute(sql.raw(q));
      await run(`insert into users (codice_fiscale, given_name, family_name, email, mobile, role, password_hash)
        select 'BNS' || lpad(i::text, 13, '0'), 'Firmataria', 'Bench' || i, 'firma.' || i || '@example.it', '+39349' || lpad(i::text, 7, '0'), 'family', 'bench-no-login'
        from ${range} on conflict (codice_fiscale) do nothing`);
      await run(`insert into vouchers (number, holder_id, total_cents, status, assigned_on, employer_name, employer_tax_code, employer_address, employer_sector)
        select ${voucher}, u.id, 200000, 'assigned', '2020-02-10', 'Bench Srl', '00000000000', 'Via Bench 1, 38122 Trento (TN)', 'privato'
        from ${range} join users u on u.codice_fiscale = 'BNS' || lpad(i::text, 13, '0') on conflict (number) do nothing`);
      await run(`insert into children (voucher_id, position, given_name, family_name, codice_fiscale, birth_date)
        select v.id, 1, 'Bimba', 'Bench', 'BNSC' || lpad(i::text, 12, '0'), '2017-05-01'
        from ${range} join vouchers v on v.number = ${voucher} where not exists (select 1 from children c where c.voucher_id = v.id)`);
      await run(`insert into pes (code, voucher_id, provider_id, kind, band, hours, amount_cents, used_cents, hours_used, status, close_requested_at, closed_at)
        select v.number || '/1', v.id, p.id, 'standard', 'C', 80, 200000, 80000, 30, 'closed', now() - interval '10 days', now() - interval '9 days'
        from ${range} join vouchers v on v.number = ${voucher} join providers p on p.code = 'PRV1' on conflict (code) do nothing`);
      await run(`insert into conversions (voucher_id, status, employment_condition)
        select v.id, 'ready_to_submit', 'private_sector' from ${range} join vouchers v on v.number = ${voucher}
        on conflict (voucher_id) where status <> 'rejected' do nothing`);
      await run(`insert into pes (code, voucher_id, conversion_id, provider_id, kind, band, hours, amount_cents, hourly_rate_cents, status, validation_requested_at, decided_at)
        select v.number || '/2', v.id, c.id, p.id, 'babysitting_covid', null, 20, 36000, 1800, 'validated', now() - interval '5 days', now() - interval '4 days'
        from ${range} join vouchers v on v.number = ${voucher} join conversions c on c.voucher_id = v.id join providers p on p.code = 'PRV1' on conflict (code) do nothing`);
      await run(`insert into pes_children (pes_id, child_id)
        select p.id, ch.id from ${range} join vouchers v on v.number = ${voucher} join pes p on p.voucher_id = v.id join children ch on ch.voucher_id = v.id
        on conflict do nothing`);
    });
    const signers = await rows<{
      user_id: string;
      codice_fiscale: string;
      voucher_id: string;
      conversion_id: string;
      session_version: number;
      mobile: string;
      status: string;
    }>(
      `select u.id as user_id, u.codice_fiscale, v.id as voucher_id, c.id as conversion_id, u.session_version, u.mobile, c.status
       from generate_series(1, ${n}) i join vouchers v on v.number = ${voucher} join users u on u.id = v.holder_id join conversions c on c.voucher_id = v.id order by i`,
    );
    const expiresAt = new Date(Date.now() + 2 * 3_600_000);
    const secret = process.env.AUTH_SECRET;
    if (!secret) throw new Error("AUTH_SECRET is needed to mint the signers' sessions");
    const now = Math.floor(Date.now() / 1000);
    // The app runs over http in the bench: the cookie has no __Secure- prefix (lib/auth/session-config.ts).
    const cookieName = 'authjs.session-token';
    for (const s of signers) {
      if (s.status !== 'ready_to_submit')
        throw new Error(`conversion of ${s.codice_fiscale} is ${s.status}: use a fresh database`);
      const { sha256 } = (await buildDossier(db, s.conversion_id))!;
      const id = randomUUID();
      await db.execute(
        sql`update otp_codes set cancelled_at = now() where conversion_id = ${s.conversion_id} and used_at is null and cancelled_at is null`,
      );
      await db
        .insert(otpCodes)
        .values({
          id,
          conversionId: s.conversion_id,
          codeHash: hashOtp(id, CODE),
          dossierSha256: sha256,
          maskedMobile: maskMobile(s.mobile),
          expiresAt,
        });
    }
    // The one line run.mjs reads.
    console.log(
      JSON.stringify({
        code: CODE,
        signers: signers.map((s) => {
          const claims = {
            name: `Firmataria ${s.codice_fiscale}`,
            sub: s.user_id,
            uid: s.user_id,
            role: 'family',
            pid: null,
            sv: Number(s.session_version),
            authTime: now,
          };
          return {
            codiceFiscale: s.codice_fiscale,
            voucherId: s.voucher_id,
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
