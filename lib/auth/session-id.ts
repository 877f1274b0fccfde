import { createHash, randomBytes } from 'node:crypto';

/**
 * Each sign-in gets its own random id, carried in the (encrypted) session cookie: two sessions of one password
 * are then told apart, so an enrolment started in one is not shown to, nor confirmed by, the other.
 */
export function newSessionId(): string {
  return randomBytes(16).toString('base64url');
}

/** What the database keeps of a session id: a hash, so the table alone does not name a live session. */
export function sessionKey(sessionId: string): string {
  return createHash('sha256').update(sessionId, 'utf8').digest('base64url');
}
