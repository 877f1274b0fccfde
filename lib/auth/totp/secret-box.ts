import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';
import { authSecret } from '../auth-secret';

/**
 * TOTP secrets are encrypted at rest with AES-256-GCM. The key is MFA_ENCRYPTION_KEY (64 hex characters,
 * recommended in production so that rotating AUTH_SECRET does not lock staff out) or, without it, derived
 * from AUTH_SECRET with HKDF-SHA256. The user id is bound as associated data: a ciphertext copied to
 * another user's row does not decrypt.
 */
function key(): Buffer {
  const dedicated = process.env.MFA_ENCRYPTION_KEY;
  if (dedicated) {
    if (!/^[0-9a-fA-F]{64}$/.test(dedicated))
      throw new Error('MFA_ENCRYPTION_KEY must be 64 hexadecimal characters (32 bytes)');
    return Buffer.from(dedicated, 'hex');
  }
  const secret = authSecret();
  if (!secret) throw new Error('AUTH_SECRET (or MFA_ENCRYPTION_KEY) is required to store second factors');
  return Buffer.from(hkdfSync('sha256', secret, 'bsp-staff-mfa', 'totp-secret-v1', 32));
}

export function sealSecret(plain: string, userId: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key(), iv);
  cipher.setAAD(Buffer.from(userId, 'utf8'));
  const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
  return ['v1', iv.toString('base64url'), body.toString('base64url'), cipher.getAuthTag().toString('base64url')].join(
    '.',
  );
}

export function openSecret(sealed: string, userId: string): string {
  const [version, iv, body, tag] = sealed.split('.');
  if (version !== 'v1' || !iv || !body || !tag) throw new Error('Unknown sealed secret format');
  const decipher = createDecipheriv('aes-256-gcm', key(), Buffer.from(iv, 'base64url'));
  decipher.setAAD(Buffer.from(userId, 'utf8'));
  decipher.setAuthTag(Buffer.from(tag, 'base64url'));
  return Buffer.concat([decipher.update(Buffer.from(body, 'base64url')), decipher.final()]).toString('utf8');
}
