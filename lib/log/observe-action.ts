import { headers } from 'next/headers';
import { actionName } from './action-name';
import { log } from './logger';
import { adoptRequestIdentity, currentRequest } from './request-context';
import { count, inSpan } from './telemetry';

type Outcome = { ok: true } | { ok: false; code: string };
type Identity = { role: string; requestId?: string | null } | null;

// The use cases the operators watch, by action: OTP sends, submissions, the office's decisions.
const BUSINESS: Record<string, { metric: string; attributes?: Record<string, string> }> = {
  sendOtpAction: { metric: 'bsp.otp.sends' },
  confirmSubmissionAction: { metric: 'bsp.submissions' },
  approveConversionAction: { metric: 'bsp.office.decisions', attributes: { decision: 'approve' } },
  rejectConversionAction: { metric: 'bsp.office.decisions', attributes: { decision: 'reject' } },
  returnConversionAction: { metric: 'bsp.office.decisions', attributes: { decision: 'return' } },
  unlockSignatureAction: { metric: 'bsp.office.decisions', attributes: { decision: 'unlock_signature' } },
};

async function actionId(): Promise<string | null> {
  try {
    return (await headers()).get('next-action');
  } catch {
    return null;
  }
}

/**
 * Around every server action (guarded(), staffGuarded()): a span named after the use case, one log line
 * (action, role, duration, outcome ok or the refusal's code) and the counters. Only names and codes are
 * recorded: the action's input is never looked at here.
 */
export async function observeAction<R extends Outcome>(
  requiredRole: string,
  identify: () => Promise<Identity>,
  run: () => Promise<R>,
): Promise<R> {
  const stack = new Error().stack;
  const name = actionName(await actionId(), stack);
  const started = performance.now();
  return inSpan(`action ${name}`, { 'bsp.action': name, 'bsp.role.required': requiredRole }, async (span) => {
    let outcome = 'unavailable';
    try {
      const r = await run();
      outcome = r.ok ? 'ok' : r.code;
      return r;
    } finally {
      const who = await identify().catch(() => null);
      adoptRequestIdentity(who?.requestId, who?.role);
      const durationMs = Math.round(performance.now() - started);
      const role = who?.role ?? 'anonymous';
      const requestId = who?.requestId ?? currentRequest()?.requestId;
      span.setAttributes({
        'bsp.role': role,
        'bsp.outcome': outcome,
        ...(requestId ? { 'bsp.request_id': requestId } : {}),
      });
      const line = { action: name, role, durationMs, outcome, ...(requestId ? { requestId } : {}) };
      if (outcome === 'unavailable') log.error(line, 'action');
      else log.info(line, 'action');
      count('bsp.actions', { action: name, outcome }, 'Azioni per esito');
      const business = BUSINESS[name];
      if (business) count(business.metric, { ...business.attributes, outcome });
    }
  });
}
