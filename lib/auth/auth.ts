import 'server-only';
import NextAuth, { CredentialsSignin, type NextAuthConfig } from 'next-auth';
import type {} from 'next-auth/jwt';
import Credentials from 'next-auth/providers/credentials';
import { z } from 'zod';
import { getDb } from '@/db';
import { oidcSettings, secureCookies } from '@/lib/config/runtime-config';
import type { Role } from './actor';
import { authSecret } from './auth-secret';
import { authenticate } from './authenticate';
import { clientIp } from './client-ip';
import { endSessions } from './end-sessions';
import { auditedOidcHandler } from './oidc-audited-handler';
import { OIDC_PROVIDER_ID, oidcProvider } from './oidc-provider';
import { oidcRefusalPath } from './oidc-refusal-path';
import { idTokenSignedByGateway } from './oidc-id-token-signature';
import { auditOidcRefusal, oidcSignIn } from './oidc-sign-in';
import { sessionStillValid } from './session-check';
import { signInClaims } from './session-claims';
import { ABSOLUTE_SECONDS, IDLE_SECONDS, REFRESH_AFTER_SECONDS } from './session-config';
import { log } from '@/lib/log/logger';
import { countSignInFailure } from '@/lib/log/telemetry';

declare module 'next-auth' {
  interface User {
    role?: Role;
    providerId?: string | null;
    sessionVersion?: number;
    mfaPending?: boolean;
  }
  interface Session {
    user: { id: string; name: string; role: Role; providerId: string | null; mfaPending?: boolean };
  }
}
declare module 'next-auth/jwt' {
  interface JWT {
    uid?: string;
    role?: Role;
    pid?: string | null;
    sv?: number;
    authTime?: number;
    /** 'enrol': staff signed in with the password only where a second factor is required; see lib/auth/totp. */
    mfa?: 'enrol';
    /** This sign-in's random id (lib/auth/session-id.ts): binds a pending enrolment to its session. */
    sid?: string;
    /** The gateway's ID token, kept (encrypted in this cookie) only as id_token_hint for its end_session_endpoint. */
    idt?: string;
  }
}

class ThrottledSignin extends CredentialsSignin {
  code = 'throttled';
}
class FamilyUseSpidSignin extends CredentialsSignin {
  code = 'use_spid';
}
class TotpRequiredSignin extends CredentialsSignin {
  code = 'totp_required';
}
class TotpInvalidSignin extends CredentialsSignin {
  code = 'totp_invalid';
}
class TotpLockedSignin extends CredentialsSignin {
  code = 'totp_locked';
}

const credentialsSchema = z.object({
  codiceFiscale: z.string().max(64),
  password: z.string().max(256),
  totp: z.string().max(64).optional(),
});

/** The Auth.js error type (class names are minified in the production build), with the credentials failure's code. */
function errorKind(error: Error): string {
  const type = (error as { type?: string }).type ?? 'Error';
  const code = (error as { code?: string }).code;
  return code ? `${type} (${code})` : type;
}

/**
 * Auth.js issues and clears the session cookie (sign-in, sign-out). Reading it on every request is
 * lib/auth/current-session.ts's job: one decrypt, no re-encryption, one version query per request.
 * Built per request: the SPID/CIE sign-in needs the client address for its audit event, and the gateway's
 * private_key_jwt key is imported asynchronously.
 */
const nextAuth = NextAuth(async (request): Promise<NextAuthConfig> => {
  const oidc = oidcSettings();
  const ip = request ? clientIp(request.headers) : 'unknown';
  return {
    trustHost: true,
    secret: authSecret(),
    // Secure in production even when a proxy drops X-Forwarded-Proto (the cookie name follows: __Secure-).
    useSecureCookies: secureCookies(),
    session: { strategy: 'jwt', maxAge: IDLE_SECONDS, updateAge: REFRESH_AFTER_SECONDS },
    pages: { signIn: '/login', error: '/login' },
    logger: {
      // Auth.js would log the failing credentials' error objects; keep only the kind of failure.
      error(error) {
        log.warn({ kind: errorKind(error) }, 'auth: error');
      },
      warn() {},
      debug() {},
    },
    providers: [
      ...(oidc ? [await oidcProvider(oidc)] : []),
      Credentials({
        credentials: {
          codiceFiscale: { label: 'Codice fiscale' },
          password: { label: 'Password', type: 'password' },
          totp: { label: 'Codice' },
        },
        async authorize(raw, request) {
          const parsed = credentialsSchema.safeParse(raw);
          if (!parsed.success) return null;
          const result = await authenticate(await getDb(), { ...parsed.data, ip: clientIp(request.headers) });
          if (!result.ok) {
            countSignInFailure(result.reason);
            if (result.reason === 'throttled') throw new ThrottledSignin();
            if (result.reason === 'family_use_spid') throw new FamilyUseSpidSignin();
            if (result.reason === 'totp_required') throw new TotpRequiredSignin();
            if (result.reason === 'totp_invalid') throw new TotpInvalidSignin();
            if (result.reason === 'totp_locked') throw new TotpLockedSignin();
            return null;
          }
          const u = result.user;
          return {
            id: u.id,
            name: u.name,
            role: u.role,
            providerId: u.providerId,
            sessionVersion: u.sessionVersion,
            mfaPending: u.mfaPending,
          };
        },
      }),
    ],
    events: {
      // «Esci» bumps the session version itself (logoutAction); a POST straight to /api/auth/signout (a script, a
      // client) must also end every copy of the cookie, not only the one the browser drops (S1).
      async signOut(message) {
        const token = 'token' in message ? message.token : null;
        if (!token?.uid || typeof token.sv !== 'number') return;
        await endSessions(await getDb(), token.uid, token.sv);
      },
    },
    callbacks: {
      // No open redirect: a callbackUrl (parameter or cookie) naming another site lands on the family's home instead.
      redirect({ url, baseUrl }) {
        if (url.startsWith('/') && !url.startsWith('//')) return `${baseUrl}${url}`;
        try {
          if (new URL(url).origin === baseUrl) return url;
        } catch {
          /* not a URL: treated as off-site */
        }
        return `${baseUrl}/famiglia`;
      },
      // SPID/CIE: the claims are the verified ID token's. Only an existing family gets in (lib/auth/oidc-sign-in.ts);
      // the user object then becomes that family's, so the jwt callback writes the same claims as a password sign-in.
      async signIn({ user, account, profile }) {
        if (account?.provider !== OIDC_PROVIDER_ID) return true;
        if (!oidc || !profile) return oidcRefusalPath('protocol');
        if (!account.id_token || !(await idTokenSignedByGateway(oidc.issuer, account.id_token))) {
          await auditOidcRefusal(await getDb(), 'protocol', ip);
          return oidcRefusalPath('protocol');
        }
        const result = await oidcSignIn(await getDb(), {
          claims: profile,
          acrValues: oidc.acrValues,
          fiscalCodeClaim: oidc.fiscalCodeClaim,
          ip,
        });
        if (!result.ok) return oidcRefusalPath(result.reason);
        Object.assign(user, result.user, { email: null, image: null });
        return true;
      },
      async jwt({ token, user, account }) {
        const now = Math.floor(Date.now() / 1000);
        if (user?.id) {
          const idt = account?.provider === OIDC_PROVIDER_ID ? account.id_token : undefined;
          return { ...signInClaims({ ...user, id: user.id }, now), ...(idt ? { idt } : {}) };
        }
        if (!token.uid || !token.role || token.sv === undefined || !token.authTime) return null;
        if (now - token.authTime > ABSOLUTE_SECONDS) return null;
        // Only Auth.js's own endpoints get here (e.g. /api/auth/session); pages and actions use currentSession().
        // An enrolment's confirmation bumps the version: every other session limited to enrolment ends here.
        if (!(await sessionStillValid(await getDb(), token.uid, token.role, token.sv, token.pid ?? null))) return null;
        return token;
      },
      session({ session, token }) {
        session.user = {
          ...session.user,
          id: token.uid ?? '',
          name: token.name ?? '',
          role: token.role as Role,
          providerId: token.pid ?? null,
          ...(token.mfa === 'enrol' ? { mfaPending: true } : {}),
        };
        return session;
      },
    },
  };
});

export const { auth, signIn, signOut } = nextAuth;
/** Auth.js's route handlers; refusals it makes itself in the SPID/CIE flow are audited on the way out. */
export const handlers = {
  GET: auditedOidcHandler(nextAuth.handlers.GET),
  POST: auditedOidcHandler(nextAuth.handlers.POST),
};
