import { NextResponse } from 'next/server';
import { handleImportRequest, IMPORT_PAGE } from '@/lib/services/office/admin/import-request';
import { kickDispatcher } from '@/lib/notifications/kick-dispatcher';
import { log } from '@/lib/log/logger';

export const dynamic = 'force-dynamic';

/**
 * Upload of the voucher CSV. A route handler, not a server action: actions keep Next's 1 MB body
 * limit and a 10 000-row file is about 3 MB. Answers JSON to the page's upload script (progress bar)
 * and a 303 back to the page to a plain form post, so it works before or without JavaScript.
 */
export async function POST(req: Request) {
  const wantsJson = (req.headers.get('accept') ?? '').includes('application/json');
  // A relative Location: req.url carries the server's own host name (localhost), not the one the browser used.
  const redirect = (location: string) => new Response(null, { status: 303, headers: { Location: location } });
  const back = (query: string) => redirect(`${IMPORT_PAGE}?${query}`);
  let result;
  try {
    result = await handleImportRequest(req);
  } catch {
    log.error('import: unexpected failure');
    return wantsJson
      ? NextResponse.json({ ok: false, code: 'unavailable' }, { status: 500 })
      : back('errore=unavailable');
  }
  if (result.kind === 'refused') {
    if (result.code === 'unauthenticated' && !wantsJson) return redirect('/login');
    return wantsJson
      ? NextResponse.json({ ok: false, code: result.code }, { status: result.status })
      : back(`errore=${result.code}`);
  }
  kickDispatcher();
  const query = `esito=${result.outcome.sha256}`;
  return wantsJson
    ? NextResponse.json({ ok: true, status: result.outcome.status, redirect: `${IMPORT_PAGE}?${query}` })
    : back(query);
}
