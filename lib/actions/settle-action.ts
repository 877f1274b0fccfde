import 'server-only';
import type { z } from 'zod';
import { AppError, failure, type ActionResult } from '@/lib/app-error';
import { log } from '@/lib/log/logger';
import { ActionInput } from './action-input';
import { fieldErrorsOf } from './field-errors-of';
import { toPlain } from './to-plain';

type Failure = Extract<ActionResult, { ok: false }>;

/**
 * The part every guard shares once the caller is allowed: read the input into the schema's declared names
 * only now (X1), parse it, run the use case, and answer with a typed result. Business refusals come back
 * as their messages; anything unexpected is logged without details and answered "try again", never with an
 * internal message. `onRefusal` sees each AppError first (guarded() audits not_found/forbidden there).
 */
export async function settleAction<S extends z.ZodType, T>(
  schema: S,
  input: unknown,
  run: (data: z.infer<S>) => Promise<T>,
  onRefusal?: (e: AppError) => Promise<void>,
): Promise<ActionResult<T>> {
  const read = (input instanceof ActionInput ? input : new ActionInput(input)).read(schema);
  if (!read.ok) return failure('invalid_input', read.message);
  const parsed = schema.safeParse(read.value);
  if (!parsed.success) return failure('invalid_input', undefined, fieldErrorsOf(parsed.error.issues));
  try {
    const data = await run(toPlain(parsed.data));
    return { ok: true, data } as ActionResult<T>;
  } catch (e) {
    return actionFailure(e, onRefusal);
  }
}

async function actionFailure(e: unknown, onRefusal?: (e: AppError) => Promise<void>): Promise<Failure> {
  if (e instanceof AppError) {
    await onRefusal?.(e);
    return failure(e.code, e.message, e.fieldErrors, e.detail);
  }
  log.error({ error: e instanceof Error ? e.name : 'unknown' }, 'action: unexpected failure');
  return failure('unavailable');
}
