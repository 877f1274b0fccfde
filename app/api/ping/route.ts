import { NextResponse } from 'next/server';
import { currentSession } from '@/lib/auth/current-session';

/**
 * The trivial authenticated dynamic route the benchmark (`npm run bench`) compares pages with:
 * the same session check as every page (cookie + session version read from the database), nothing else.
 */
export const dynamic = 'force-dynamic';

const headers = { 'Cache-Control': 'private, no-store' };

export async function GET() {
  const session = await currentSession();
  if (!session) return NextResponse.json({ error: 'unauthenticated' }, { status: 401, headers });
  return NextResponse.json({ ok: true }, { headers });
}
