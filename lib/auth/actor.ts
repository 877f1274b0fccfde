export const ROLES = ['family', 'provider', 'office'] as const;
export type Role = (typeof ROLES)[number];

/** Who is acting, as established by the session: services trust only this, never the request body. */
export type Actor = {
  userId: string;
  role: Role;
  providerId: string | null;
  ip: string | null;
  requestId: string | null;
};

export const ROLE_HOME: Record<Role, string> = { family: '/famiglia', provider: '/erogatore', office: '/ufficio' };
export const ROLE_LABELS: Record<Role, string> = {
  family: 'Famiglia',
  provider: 'Soggetto erogatore',
  office: 'Struttura Multifunzionale Territoriale Ad Personam',
};
