import { isConversionEditable, type ConversionStatus } from './state-machines';

/** Guide §2: MODIFICA PES is offered on assigned vouchers whose modification was never sent (it is done once only). */
export function canModifyPes(voucherStatus: string, conversionStatus: ConversionStatus | null): boolean {
  if (voucherStatus !== 'assigned') return false;
  return conversionStatus === null || isConversionEditable(conversionStatus);
}
