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
