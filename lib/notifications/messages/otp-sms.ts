import type { Locale } from '@/lib/domain/locale';
import { translatorFor } from '@/lib/i18n/translator';

/** The SMS carrying the code: short, says what it signs and that nobody should ask for it. */
export function otpSms(m: { code: string; voucherNumber: string; minutes: number }, locale: Locale = 'it'): string {
  return translatorFor(locale, 'Emails')('otpSms', { voucher: m.voucherNumber, code: m.code, minutes: m.minutes });
}
