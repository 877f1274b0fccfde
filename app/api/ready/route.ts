import { NextResponse } from 'next/server';
import { checkReadiness } from '@/lib/ops/check-readiness';

/**
 * Readiness (R1): 200 only with the database answering within 1 s, this build's migrations applied and
 * the instance not shutting down; otherwise 503 with a short reason code. No session, no versions, no counts.
 */
export const dynamic = 'force-dynamic';

const headers = { 'Cache-Control': 'no-store' };

export async function GET() {
  const r = await checkReadiness();
  if (r.ready) return NextResponse.json({ status: 'ok' }, { headers });
  return NextResponse.json({ status: 'unavailable', reason: r.reason }, { status: 503, headers });
}
