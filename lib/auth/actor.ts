import type { Role } from '@/lib/domain/actor';

// The actor is a pure type, so queries (below lib/auth) can name it; the session layer exposes it from here too.
export { ROLES, type Actor, type Role } from '@/lib/domain/actor';

export const ROLE_HOME: Record<Role, string> = { family: '/famiglia', provider: '/erogatore', office: '/ufficio' };
export const ROLE_LABELS: Record<Role, string> = {
  family: 'Famiglia',
  provider: 'Soggetto erogatore',
  office: 'Struttura Multifunzionale Territoriale Ad Personam',
};
