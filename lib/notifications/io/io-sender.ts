import 'server-only';
import { ioMessageProblems } from '@/lib/domain/io-message';
import { PermanentSendError, type Sender } from '../sender-types';

/** 408, 429 and 5xx are IO being busy or down: retried with backoff. Any other 4xx is our request: not retried. */
function failure(step: 'profiles' | 'messages', status: number): Error {
  const what = `app io ${step} ${status}`;
  return status === 408 || status === 429 || status >= 500 ? new Error(what) : new PermanentSendError(what);
}

/** The content is checked before anything leaves: IO would refuse it, and so does every retry. */
export function assertIoRules(m: { recipient: string; subject: string; textBody: string }): void {
  const problems = ioMessageProblems({ fiscalCode: m.recipient, subject: m.subject, markdown: m.textBody });
  if (problems.length) throw new PermanentSendError(`app io: ${problems.join('; ')}`);
}

/**
 * App IO (IO API for Public Administration Services): `POST /profiles` first, and the message only when the
 * citizen lets this service write (`sender_allowed`); no IO profile (404) counts as not allowed. IO takes no
 * idempotency key: a message IO accepted but whose answer was lost (timeout, 5xx after the write) may arrive
 * twice after a retry, the lesser harm next to a message never sent. Errors name the step and the status
 * only: IO's problem details may echo the fiscal code or the text.
 */
export function ioSender(api: { apiKey: string; baseUrl: string }, timeoutMs: number): Sender {
  const post = (path: string, body: unknown, signal: AbortSignal) =>
    fetch(`${api.baseUrl}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'Ocp-Apim-Subscription-Key': api.apiKey },
      body: JSON.stringify(body),
      signal,
    });
  return {
    name: 'app-io',
    async send(m) {
      assertIoRules(m);
      // One deadline for both calls: the dispatcher's lease counts one send, not one call.
      const signal = AbortSignal.timeout(timeoutMs);
      const profile = await post('/profiles', { fiscal_code: m.recipient }, signal);
      if (profile.status === 404) {
        await profile.body?.cancel();
        return 'not_allowed';
      }
      if (!profile.ok) {
        await profile.body?.cancel();
        throw failure('profiles', profile.status);
      }
      const answer = (await profile.json().catch(() => null)) as { sender_allowed?: unknown } | null;
      if (typeof answer?.sender_allowed !== 'boolean') throw new Error('app io profiles: risposta non valida');
      if (!answer.sender_allowed) return 'not_allowed';
      const sent = await post(
        '/messages',
        { fiscal_code: m.recipient, content: { subject: m.subject, markdown: m.textBody } },
        signal,
      );
      await sent.body?.cancel();
      if (!sent.ok) throw failure('messages', sent.status);
    },
  };
}
