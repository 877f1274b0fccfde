import { z } from 'zod';
import { normalizeOtpInput, OTP_INPUT_MESSAGES } from '@/lib/domain/otp';
import { idSchema } from './ids';

export const sendOtpSchema = z.object({ voucherId: idSchema }).strict();

/** The code as typed: spaces and dashes tolerated; each mistake gets its own message. */
export const otpCodeSchema = z
  .string({ message: OTP_INPUT_MESSAGES.empty })
  .max(40, OTP_INPUT_MESSAGES.too_long)
  .transform((raw, ctx) => {
    const r = normalizeOtpInput(raw);
    if (r.ok) return r.code;
    ctx.addIssue({ code: 'custom', message: OTP_INPUT_MESSAGES[r.reason] });
    return z.NEVER;
  });

export const confirmSubmissionSchema = z.object({ voucherId: idSchema, code: otpCodeSchema }).strict();
