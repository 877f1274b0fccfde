import { publicBaseUrl } from '@/lib/config/runtime-config';

/** Public base URL for links in e-mails: configured, never read from the request (see publicBaseUrl). */
export function baseUrl(): string {
  return publicBaseUrl();
}

/** Kept for callers written before: the headers are ignored on purpose. */
export function baseUrlFrom(_headers?: Headers): string {
  return publicBaseUrl();
}
