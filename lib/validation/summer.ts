import { z } from 'zod';
import { summerPageShape, summerRowsStrict } from './family-pes-fields';
import { idSchema } from './ids';

/**
 * RICHIESTA P.E.S. SERVIZI ESTIVI: the form checks its rows with `summerRowsSchema` (zod/mini,
 * family-pes-fields.ts); the action parses with the same rules, `.strict()` at every level.
 */
export const saveSummerPesSchema = z.object({ ...summerPageShape, pes: summerRowsStrict }).strict();

export type SummerPesFormInput = z.input<typeof saveSummerPesSchema>;
export type SummerPesRowInput = SummerPesFormInput['pes'][number];
export type SaveSummerPes = z.output<typeof saveSummerPesSchema>;

export const summerValidationSchema = z.object({ voucherId: idSchema }).strict();
export const summerDocumentSchema = z.object({ voucherId: idSchema, pesId: idSchema }).strict();
