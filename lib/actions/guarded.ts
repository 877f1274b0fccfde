import 'server-only';
import type { z } from 'zod';
import { getDb } from '@/db';
import type { Db } from '@/db/open';
import { failure, type ActionResult } from '@/lib/app-error';
import { writeAudit } from '@/lib/audit/write-audit';
import type { Actor, Role } from '@/lib/auth/actor';
import { currentActor } from '@/lib/auth/current-actor';
import { inReaderLanguage } from '@/lib/i18n/refusal';
import { log } from '@/lib/log/logger';
import { observeAction } from '@/lib/log/observe-action';
import { kickDispatcher } from '@/lib/notifications/kick-dispatcher';
import { baseUrl } from './base-url';
import { settleAction } from './settle-action';

export type ActionContext = { db: Db; actor: Actor; baseUrl: string };

/**
 * The shape of every server action: role guard → zod .strict() → service → typed result. `input` is what the
 * action received (an ActionInput, a FormData or an object), unread: it is read into the schema's declared
 * names only after the role check (X1), so an anonymous request gets nothing parsed (settleAction).
 */
export function guarded<S extends z.ZodType, T>(
  role: Role,
  schema: S,
  input: unknown,
  run: (data: z.infer<S>, ctx: ActionContext) => Promise<T>,
): Promise<ActionResult<T>> {
  // A family reads the refusal in its language; staff requests resolve to Italian (lib/i18n/refusal.ts).
  return observeAction(
    role,
    () => currentActor(),
    () => guardedBody(role, schema, input, run),
  ).then(inReaderLanguage);
}

async function guardedBody<S extends z.ZodType, T>(
  role: Role,
  schema: S,
  input: unknown,
  run: (data: z.infer<S>, ctx: ActionContext) => Promise<T>,
): Promise<ActionResult<T>> {
  // The session check reads the database: when it is unreachable the family gets the "try again"
  // message in the form, not an error page (M8).
  let actor: Awaited<ReturnType<typeof currentActor>>;
  let db: Db;
  try {
    actor = await currentActor();
    if (!actor) return failure('unauthenticated');
    db = await getDb();
  } catch {
    log.error({ reason: 'session_check' }, 'action: session check unavailable');
    return failure('unavailable');
  }
  if (actor.role !== role) {
    await writeAudit(db, { actor, action: 'access.denied', entityType: 'action', entityId: role }).catch(
      () => undefined,
    );
    return failure('forbidden');
  }
  return settleAction(
    schema,
    input,
    async (data) => {
      const result = await run(data, { db, actor, baseUrl: baseUrl() });
      kickDispatcher();
      return result;
    },
    async (e) => {
      if (e.code === 'not_found' || e.code === 'forbidden') {
        await writeAudit(db, { actor, action: 'access.denied', entityType: 'action', after: { code: e.code } }).catch(
          () => undefined,
        );
      }
    },
  );
}
