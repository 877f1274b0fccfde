/**
 * What the Prendi in carico / Assegna a / Rilascia controls post, shared by the forms (client code: no zod
 * here) and the action that reads them. The queue is one form around its table (issue 20): the pressed
 * submit button says everything (`op` = `<intent>:<conversionId>:<expectedAssigneeId>`, the last empty when
 * the page showed nobody in charge) and each row's "Assegna a" select is named for its row, so the action
 * reads only the pressed row's. The conversion file's own forms post the same names.
 */
export const OP_FIELD = 'op';
const ASSIGNEE_FIELD = 'assigneeId:';

export const ASSIGNMENT_INTENTS = ['take', 'assign', 'release'] as const;
export type AssignmentIntent = (typeof ASSIGNMENT_INTENTS)[number];

export const opValue = (intent: AssignmentIntent, conversionId: string, expectedAssigneeId: string | null) =>
  `${intent}:${conversionId}:${expectedAssigneeId ?? ''}`;

/** The name of the "Assegna a" select of one case. */
export const assigneeFieldOf = (conversionId: string) => `${ASSIGNEE_FIELD}${conversionId}`;

/** The case a posted `op` is about; null when it has no such part (the schema then refuses it). */
export function conversionOfOp(op: FormDataEntryValue | null): string | null {
  return typeof op === 'string' ? (op.split(':')[1] ?? null) : null;
}

/** Whether a posted name is some case's "Assegna a" select. */
export const isAssigneeField = (name: string) => name.startsWith(ASSIGNEE_FIELD);
