import type { Band } from '@/lib/domain/bands';

export type SummerChildView = { id: string; name: string; age: number; ordinal: string; bands: Band[] };
export type SummerProviderView = { id: string; name: string; bands: Band[] };
export type SummerRowValues = {
  id?: string;
  childId: string;
  band: Band | '';
  providerId: string;
  amount: string;
  hours: string;
};
export type SummerSavedView = { id: string; code: string; statusLabel: string; status: string };
