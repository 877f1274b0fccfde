import { NextResponse } from 'next/server';

/** Liveness (R1): the process answers. No database, no session, nothing about the build or the host. */
export const dynamic = 'force-dynamic';

export function GET() {
  return NextResponse.json({ status: 'ok' }, { headers: { 'Cache-Control': 'no-store' } });
}
