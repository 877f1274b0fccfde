import type { InputHTMLAttributes, ReactNode } from 'react';
import { FieldShell } from './field-shell';

export function TextField({
  id,
  label,
  hint,
  error,
  ...input
}: { id: string; label: ReactNode; hint?: string; error?: string } & InputHTMLAttributes<HTMLInputElement>) {
  return (
    <FieldShell id={id} label={label} hint={hint} error={error}>
      {(a11y) => <input className="field-input" {...input} {...a11y} />}
    </FieldShell>
  );
}
