import { NextResponse } from 'next/server';
import { handleImportRequest, IMPORT_PAGE } from '@/lib/services/admin/import-request';
import { kickDispatcher } from '@/lib/notifications/kick-dispatcher';

export const dynamic = 'force-dynamic';

/**
 * Upload of the voucher CSV. A route handler, not a server action: actions keep Next's 1 MB body
 * limit and a 10 000-row file is about 3 MB. Answers JSON to the page's upload script (progress bar)
 * and a 303 back to the page to a plain form post, so it works before or without JavaScript.
 */
export async function POST(req: Request) {
  const wantsJson = (req.headers.get('accept') ?? '').includes('application/json');
  const back = (query: string) => new URL(`${IMPORT_PAGE}?${query}`, req.url);
  let result;
  try {
    result = await handleImportRequest(req);
  } catch {
    console.error('[import] unexpected failure');
    return wantsJson ? NextResponse.json({ ok: false, code: 'unavailable' }, { status: 500 }) : NextResponse.redirect(back('errore=unavailable'), 303);
  }
  if (result.kind === 'refused') {
    if (result.code === 'unauthenticated' && !wantsJson) return NextResponse.redirect(new URL('/login', req.url), 303);
    return wantsJson ? NextResponse.json({ ok: false, code: result.code }, { status: result.status }) : NextResponse.redirect(back(`errore=${result.code}`), 303);
  }
  kickDispatcher();
  const query = `esito=${result.outcome.sha256}`;
  return wantsJson
    ? NextResponse.json({ ok: true, status: result.outcome.status, redirect: `${IMPORT_PAGE}?${query}` })
    : NextResponse.redirect(back(query), 303);
}
