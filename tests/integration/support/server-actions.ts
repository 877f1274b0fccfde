import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { eq } from 'drizzle-orm';
import type { Db } from '@/db/open';
import { children, conversions, pes, providers, vouchers } from '@/db/schema';
import type { Actor, Role } from '@/lib/auth/actor';
import { actorFor, CF } from './fixtures';

/**
 * Every exported server action, found by reading lib/actions, and ONE table of who may call each (N1). Shared
 * by action-authorization.test.ts (who may call what) and action-hostile-input.test.ts (what any caller may send).
 */
export type Ids = Record<string, string>;
export const NO_SUCH_ID = '00000000-0000-4000-8000-000000000000';
/**
 * 'staff': provider and office clerks alike (their own second factor). `foreign` is omitted where no record
 * belongs to anyone. `form`: a useActionState form action, called as (previousState, FormData) with dotted names.
 */
export type Entry = {
  role: Role | 'public' | 'staff';
  own?: (ids: Ids) => unknown;
  foreign?: (ids: Ids) => unknown;
  form?: boolean;
};
export const rolesOf = (e: Entry): Role[] =>
  e.role === 'staff' ? ['provider', 'office'] : e.role === 'public' ? [] : [e.role];

const providerForm = (providerId?: string) => ({
  ...(providerId ? { providerId } : {}),
  name: 'Cooperativa Sociale Il Germoglio',
  taxCode: '01234560223',
  email: 'germoglio@example.it',
  bands: ['A', 'B', 'C'],
  babysittingJoined: 'on',
  babysittingFrom: '2026-10-26',
  summerJoined: 'on',
  summerFrom: '2026-10-26',
});

export const TABLE: Record<string, Entry> = {
  // Public: `own` is only what a visitor types (action-hostile-input.test.ts posts it with the hostile names).
  loginAction: {
    role: 'public',
    form: true,
    own: () => ({ codiceFiscale: CF.anna, password: 'una password qualsiasi' }),
  },
  logoutAction: { role: 'public' },
  switchLocaleAction: { role: 'public', form: true, own: () => ({ locale: 'en' }) },
  oidcSignInAction: { role: 'public', form: true, own: () => ({ idp: 'spid' }) },
  requestPasswordResetAction: {
    role: 'public',
    form: true,
    own: () => ({ givenName: 'Anna', familyName: 'Rossi', codiceFiscale: CF.anna }),
  },
  resetPasswordAction: {
    role: 'public',
    form: true,
    own: () => ({
      token: 'x'.repeat(43),
      password: 'una password nuova e lunga',
      confirm: 'una password nuova e lunga',
    }),
  },
  requestClosingAction: {
    role: 'family',
    form: true,
    own: (i) => ({ voucherId: i.annaVoucher, pesIds: [i.annaPes1] }),
    foreign: (i) => ({ voucherId: i.martaVoucher, pesIds: [i.martaPes1] }),
  },
  declareEmploymentAction: {
    role: 'family',
    form: true,
    own: (i) => ({
      voucherId: i.annaVoucher,
      condition: 'other',
      returnsToWorkOutsideHome: false,
      otherParentEmployed: false,
      employerConfirmed: false,
    }),
    foreign: (i) => ({
      voucherId: i.giuliaVoucher,
      condition: 'private_sector',
      returnsToWorkOutsideHome: true,
      otherParentEmployed: true,
      employerConfirmed: true,
    }),
  },
  saveBabysittingPesAction: {
    role: 'family',
    form: true,
    own: (i) => ({ voucherId: i.annaVoucher, childIds: [i.annaChild], providerId: i.prv1, hours: '1' }),
    foreign: (i) => ({ voucherId: i.giuliaVoucher, childIds: [i.giuliaChild], providerId: i.prv1, hours: '1' }),
  },
  deleteNewPesAction: {
    role: 'family',
    own: (i) => ({ voucherId: i.annaVoucher, pesId: i.annaPes1 }),
    foreign: (i) => ({ voucherId: i.martaVoucher, pesId: i.martaSummer }),
  },
  requestValidationAction: {
    role: 'family',
    own: (i) => ({ voucherId: i.annaVoucher }),
    foreign: (i) => ({ voucherId: i.martaVoucher }),
  },
  adoptIdentityContactAction: {
    role: 'family',
    form: true,
    // Anna has no SPID/CIE data in the fixtures: her call is refused by the service, after the guard let it through.
    own: () => ({ field: 'email', value: 'anna.rossi@spid.example.it' }),
  },
  sendOtpAction: {
    role: 'family',
    own: (i) => ({ voucherId: i.annaVoucher }),
    foreign: (i) => ({ voucherId: i.giuliaVoucher }),
  },
  confirmSubmissionAction: {
    role: 'family',
    own: (i) => ({ voucherId: i.annaVoucher, code: '123456' }),
    foreign: (i) => ({ voucherId: i.martaVoucher, code: '123456' }),
  },
  closePesAction: {
    role: 'provider',
    form: true,
    own: (i) => ({ pesId: i.annaPes1, usedAmount: '0,00', hoursUsed: '0', intent: 'confirm' }),
    foreign: (i) => ({ pesId: i.annaPes2, usedAmount: '0,00', hoursUsed: '0', intent: 'review' }),
  },
  summerPesFormAction: {
    role: 'family',
    form: true,
    own: (i) => ({
      voucherId: i.annaVoucher,
      intent: 'refresh',
      'pes.0.childId': i.annaChild,
      'pes.0.band': 'A',
      'pes.0.providerId': i.prv1,
      'pes.0.amount': '1,00',
      'pes.0.hours': '1',
    }),
    foreign: (i) => ({
      voucherId: i.giuliaVoucher,
      intent: 'save',
      'pes.0.childId': i.giuliaChild,
      'pes.0.band': 'C',
      'pes.0.providerId': i.prv1,
      'pes.0.amount': '1,00',
      'pes.0.hours': '1',
    }),
  },
  requestSummerValidationAction: {
    role: 'family',
    form: true,
    own: (i) => ({ voucherId: i.annaVoucher }),
    foreign: (i) => ({ voucherId: i.martaVoucher }),
  },
  removeSummerDocumentAction: {
    role: 'family',
    form: true,
    own: (i) => ({ voucherId: i.annaVoucher, pesId: i.annaPes1 }),
    foreign: (i) => ({ voucherId: i.martaVoucher, pesId: i.martaSummer }),
  },
  decideValidationAction: {
    role: 'provider',
    form: true,
    own: (i) => ({ pesId: i.annaPes1, decision: 'validate' }),
    foreign: (i) => ({ pesId: i.martaSummer, decision: 'validate' }),
  },
  // The office sees every family's conversion: its "foreign" record is one that is not in its queue.
  approveConversionAction: {
    role: 'office',
    own: (i) => ({ conversionId: i.martaConversion }),
    foreign: () => ({ conversionId: NO_SUCH_ID }),
  },
  rejectConversionAction: {
    role: 'office',
    own: (i) => ({ conversionId: i.martaConversion, reason: 'Documento mancante' }),
    foreign: () => ({ conversionId: NO_SUCH_ID, reason: 'Documento mancante' }),
  },
  returnConversionAction: {
    role: 'office',
    own: (i) => ({ conversionId: i.martaConversion, reason: 'Documento illeggibile' }),
    foreign: () => ({ conversionId: NO_SUCH_ID, reason: 'Documento illeggibile' }),
  },
  unlockSignatureAction: {
    role: 'office',
    own: (i) => ({ conversionId: i.martaConversion, reason: 'Telefonata della famiglia' }),
    foreign: () => ({ conversionId: NO_SUCH_ID, reason: 'Telefonata della famiglia' }),
  },
  changeAssignmentAction: {
    role: 'office',
    form: true,
    own: (i) => ({ op: `take:${i.martaConversion}:` }),
    foreign: () => ({ op: `take:${NO_SUCH_ID}:` }),
  },
  saveProviderAction: {
    role: 'office',
    own: (i) => providerForm(i.prv1),
    foreign: () => providerForm('00000000-0000-4000-8000-000000000000'),
  },
  createStaffUserAction: {
    role: 'office',
    own: (i) => ({
      role: 'provider',
      providerId: i.prv1,
      codiceFiscale: 'RSSMRA80A01H501U',
      givenName: 'Mario',
      familyName: 'Rossi',
      email: 'mario.rossi@example.it',
    }),
  },
  setUserActiveAction: {
    role: 'office',
    own: (i) => ({ userId: i.prv3User, active: 'false' }),
    foreign: (i) => ({ userId: i.annaUser, active: 'false' }),
  },
  resetUserMfaAction: {
    role: 'office',
    own: (i) => ({ userId: i.prv1User }),
    foreign: (i) => ({ userId: i.annaUser }),
  },
  updateMeasureParametersAction: {
    role: 'office',
    own: () => ({
      measure: 'babysitting_covid',
      intent: 'save',
      opensOn: '2026-10-01',
      closesOn: '2027-05-31',
      hourlyCapOneChild: '20,00',
      hourlyCapMultiChild: '25,00',
      copayPercent: '0',
      closeTermWorkingDays: '10',
      validateTermWorkingDays: '5',
      decisionTermDays: '30',
      integrationTermDays: '10',
    }),
  },
  sendPesReminderAction: { role: 'office', own: (i) => ({ pesId: i.annaPes }) },
  updateLocalFeastsAction: { role: 'office', own: () => ({ feasts: '26/06 San Vigilio' }) },
  startTotpEnrolmentAction: { role: 'staff', own: () => ({}) },
  confirmTotpEnrolmentAction: { role: 'staff', own: () => ({ code: '000000' }) },
  regenerateRecoveryCodesAction: { role: 'staff', own: () => ({ code: '000000' }) },
};

/** A file-level 'use server' directive: the first statement, comments before it allowed (as the compiler allows them). */
export const isServerActionFile = (source: string) =>
  /^(?:\s|\/\/[^\n]*\n|\/\*[\s\S]*?\*\/)*['"]use server['"]/.test(source);

const actionFiles = import.meta.glob<Record<string, unknown>>('/lib/actions/**/*.ts', { eager: true });
export const actions = new Map<string, (input: unknown) => Promise<{ ok: boolean; code?: string }>>();
for (const [file, mod] of Object.entries(actionFiles)) {
  if (!isServerActionFile(readFileSync(path.join(process.cwd(), file), 'utf8'))) continue;
  for (const [name, fn] of Object.entries(mod)) if (typeof fn === 'function') actions.set(name, fn as never);
}

export function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) return sourceFiles(full);
    return /\.(ts|tsx|js|jsx|mjs|cjs)$/.test(e.name)
      ? [path.relative(process.cwd(), full).split(path.sep).join('/')]
      : [];
  });
}

export function call(name: string, input: unknown) {
  const fn = actions.get(name)! as (...args: unknown[]) => Promise<{ ok: boolean; code?: string }>;
  if (!TABLE[name]?.form) return fn(input);
  const fd = new FormData();
  // Lists as repeated names (ticked checkboxes), booleans as ticked ("on") or absent.
  for (const [k, v] of Object.entries(input as Record<string, string | string[] | boolean>)) {
    if (Array.isArray(v)) v.forEach((x) => fd.append(k, x));
    else if (typeof v === 'boolean') {
      if (v) fd.append(k, 'on');
    } else fd.append(k, v);
  }
  return fn(null, fd);
}

/** Who calls in the tests, and the ids of the demo records the table's inputs name. */
export type Callers = Record<'anonymous' | Role, Actor | null>;

export async function loadIds(db: Db): Promise<{ ids: Ids; callers: Callers }> {
  const ids: Ids = {};
  const callers: Callers = {
    anonymous: null,
    family: await actorFor(db, CF.anna),
    provider: await actorFor(db, CF.prv1),
    office: await actorFor(db, CF.office),
  };
  const vs = await db.select().from(vouchers);
  const byNumber = (n: string) => vs.find((v) => v.number === n)!.id;
  ids.annaVoucher = byNumber('BS-2020-0001');
  ids.giuliaVoucher = byNumber('BS-2020-0002');
  ids.martaVoucher = byNumber('BS-2020-0003');
  ids.martaConversion = (await db.select().from(conversions).where(eq(conversions.voucherId, ids.martaVoucher)))[0]!.id;
  const all = await db.select().from(pes);
  const byCode = (c: string) => all.find((p) => p.code === c)!.id;
  ids.annaPes1 = byCode('BS-2020-0001/1');
  ids.annaPes2 = byCode('BS-2020-0001/2');
  ids.martaPes1 = byCode('BS-2020-0003/1');
  ids.martaSummer = byCode('BS-2020-0003/2');
  ids.prv1 = (await db.select().from(providers).where(eq(providers.code, 'PRV1')))[0]!.id;
  const kids = await db.select().from(children);
  ids.annaChild = kids.find((k) => k.voucherId === ids.annaVoucher)!.id;
  ids.giuliaChild = kids.find((k) => k.voucherId === ids.giuliaVoucher)!.id;
  ids.annaUser = callers.family!.userId;
  ids.prv1User = callers.provider!.userId;
  ids.prv3User = (await actorFor(db, CF.prv3)).userId;
  return { ids, callers };
}
