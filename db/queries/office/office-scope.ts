import 'server-only';

/**
 * Office queries see every family's conversion: instead of an owner id they require this token, which
 * only an office actor can obtain (lib/auth/office-scope.ts), so a query cannot be called by mistake
 * with a family's session.
 */
export type OfficeScope = { readonly officeUserId: string; readonly __office: true };
