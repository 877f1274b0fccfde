const MESSAGE =
  'In questo momento molte persone stanno usando il servizio. Riprova tra qualche secondo: la tua richiesta non è stata elaborata e i tuoi dati non sono stati modificati.';

const PAGE = `<!doctype html>
<html lang="it">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Servizio molto richiesto — Buoni di servizio</title>
<style>body{font-family:'Titillium Web',Arial,sans-serif;color:#1a1a1a;max-width:40rem;margin:2rem auto;padding:0 1rem;line-height:1.5}h1{font-size:1.5rem;color:#004d99}a{color:#004d99;font-weight:600}</style>
</head>
<body>
<main>
<p>Provincia autonoma di Trento — Buoni di servizio</p>
<h1>Il servizio è molto richiesto</h1>
<p>${MESSAGE}</p>
<p><a href="">Riprova</a></p>
</main>
</body>
</html>
`;

/**
 * What a shed request gets (status 503): a page in Italian, or JSON under /api/; Retry-After in seconds,
 * never cached. Nothing of the request was processed, so it is safe to send it again.
 */
export function busyResponse(url: string, maxWaitMs: number) {
  const retryAfter = String(Math.max(1, Math.ceil(maxWaitMs / 2000)));
  const api = url.startsWith('/api/');
  return {
    headers: {
      'Retry-After': retryAfter,
      'Cache-Control': 'no-store',
      'Content-Type': api ? 'application/json; charset=utf-8' : 'text/html; charset=utf-8',
    },
    body: api ? JSON.stringify({ error: 'busy', message: MESSAGE }) : PAGE,
  };
}
