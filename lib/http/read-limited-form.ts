/**
 * The request's multipart body, read up to `limit` bytes: a larger upload is cut off before it fills
 * memory (Content-Length may be absent or lie). Null when over the limit.
 */
export async function readLimitedForm(req: Request, limit: number): Promise<FormData | null> {
  const declared = Number(req.headers.get('content-length') ?? '0');
  if (declared > limit) return null;
  if (!req.body) return new FormData();
  const chunks: Uint8Array[] = [];
  let total = 0;
  const reader = req.body.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > limit) {
      await reader.cancel();
      return null;
    }
    chunks.push(value);
  }
  return new Response(Buffer.concat(chunks), {
    headers: { 'Content-Type': req.headers.get('content-type') ?? '' },
  }).formData();
}

/** Same-origin check for a state-changing POST outside server actions (which Next checks itself). */
export function sameOrigin(req: Request): boolean {
  const origin = req.headers.get('origin');
  const host = req.headers.get('x-forwarded-host') ?? req.headers.get('host');
  if (!origin || origin === 'null' || !host) return false;
  try {
    return new URL(origin).host === host;
  } catch {
    return false;
  }
}
