import 'server-only';
import type { Tx } from '@/db/open';
import type { JobKind } from '@/db/schema';
import { planDaily } from './plan-daily';
import { sendFamilyIntegrationReminder, sendFamilyOfficeTermPassed } from './family-reminders';
import { sendOfficeDigest } from './office-digest';
import { sendProviderDigest } from './provider-digest';

export type ClaimedJob = {
  id: string;
  key: string;
  kind: JobKind;
  payload: Record<string, string>;
  attempts: number;
};

/** Runs one claimed job inside the runner's transaction; what it returns is stored as the job's outcome. */
export async function handleJob(tx: Tx, job: ClaimedJob, now: Date): Promise<Record<string, unknown>> {
  const p = job.payload;
  switch (job.kind) {
    case 'plan_daily':
      return planDaily(tx, p.day!, now);
    case 'provider_digest':
      return sendProviderDigest(tx, p.providerId!, p.day!, now);
    case 'office_digest':
      return sendOfficeDigest(tx, p.day!, now);
    case 'family_integration_reminder':
      return sendFamilyIntegrationReminder(tx, p.conversionId!, now);
    case 'family_office_term_passed':
      return sendFamilyOfficeTermPassed(tx, p.conversionId!, now);
  }
}
