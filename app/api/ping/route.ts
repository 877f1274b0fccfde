import { NextResponse } from 'next/server';
import { auth } from '@/lib/auth/auth';

/**
 * The trivial authenticated dynamic route the benchmark (`npm run bench`, P1) compares pages with:
 * the same session check as every page (JWT + session version read from the database), nothing else.
 */
export const dynamic = 'force-dynamic';

const headers = { 'Cache-Control': 'private, no-store' };

export async function GET() {
  const session = await auth();
  if (!session?.user?.id) return NextResponse.json({ error: 'unauthenticated' }, { status: 401, headers });
  return NextResponse.json({ ok: true }, { headers });
}
