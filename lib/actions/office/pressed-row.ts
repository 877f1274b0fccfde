import { INPUT_LIMITS } from '@/lib/actions/input-limits';
import { assigneeFieldOf, conversionOfOp, isAssigneeField, OP_FIELD } from '@/lib/validation/office-assignment-fields';

/**
 * The queue posts every row's "Assegna a" select with the one button pressed: only that row's select is
 * read, as `assigneeId`; the others (a choice left in another row) are dropped, never parsed, so a row's
 * button never acts on what another row's select says. Everything else goes on to be read against the
 * schema's declared names. A form over the field cap is left whole, for the reader to refuse (X2).
 */
export function pressedRowOnly(fd: FormData): FormData {
  let count = 0;
  for (const _ of fd.keys()) if (++count > INPUT_LIMITS.fields) return fd;
  // One button is pressed. Two `op`s, which no browser posts, are both dropped: the schema then refuses the
  // form for want of one, rather than the reader keeping the last.
  const ops = fd.getAll(OP_FIELD);
  const conversionId = ops.length === 1 ? conversionOfOp(ops[0]!) : null;
  const chosen = conversionId === null ? null : assigneeFieldOf(conversionId);
  const out = new FormData();
  for (const [name, value] of fd.entries()) {
    if (name === OP_FIELD ? ops.length === 1 : !isAssigneeField(name)) out.append(name, value);
    else if (name === chosen) out.append('assigneeId', value);
  }
  return out;
}
