import type { z } from 'zod';
import type { FormValues } from './form-input';
import { formFields } from './form-fields';
import type { ReadInput } from './input-limits';
import { inputShape } from './input-shape';
import { objectFields } from './object-fields';

export type InputOptions = {
  checkboxes?: readonly string[];
  /**
   * A form whose names depend on what was pressed (one form around a table, a select per row): narrowed to
   * the schema's names before it is read, so like the rest only after the role check.
   */
  narrow?: (fd: FormData) => FormData;
};

/** A FormData or an object → the schema's declared names, without prototypes, capped (X1, X2). */
export function readInput(schema: z.ZodType, raw: unknown, opts: InputOptions = {}): ReadInput {
  const shape = inputShape(schema);
  return raw instanceof FormData ? formFields(shape, opts.narrow?.(raw) ?? raw, opts) : objectFields(shape, raw);
}

/**
 * What an action was given, still unread: guarded() reads it only after the role check, so a caller without
 * the role gets nothing of theirs parsed. Remembers what it read, for the action's answer (typed values
 * shown again after a refusal).
 */
export class ActionInput {
  #read: ReadInput | undefined;

  constructor(
    private readonly raw: unknown,
    private readonly opts: InputOptions = {},
  ) {}

  read(schema: z.ZodType): ReadInput {
    return (this.#read ??= readInput(schema, this.raw, this.opts));
  }

  /** The declared fields as read (objects without a prototype); undefined when never read or refused. */
  get value(): Record<string, unknown> | undefined {
    return this.#read?.ok ? (this.#read.value as Record<string, unknown>) : undefined;
  }

  /** What a form posted under declared names; undefined for an object, or when never read. */
  get posted(): FormValues | undefined {
    return this.#read?.ok ? this.#read.posted : undefined;
  }
}

/**
 * Actions used by `<form action>` + useActionState receive (previousState, formData); called directly
 * (tests, transitions) or as a plain `<form action>` they receive the input first. Nothing is read here.
 */
export function actionInput(prevOrInput: unknown, formData?: unknown, opts?: InputOptions): ActionInput {
  return new ActionInput(formData instanceof FormData ? formData : prevOrInput, opts);
}
