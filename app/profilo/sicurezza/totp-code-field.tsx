import { TextField } from '@/app/_components/text-field';

/** The authenticator app's code, asked the same way wherever the profile needs it (enrolment, new recovery codes). */
export function TotpCodeField({ id, label, error }: { id: string; label: string; error: string | undefined }) {
  return (
    <TextField
      id={id}
      name="code"
      label={label}
      inputMode="numeric"
      autoComplete="one-time-code"
      spellCheck={false}
      required
      maxLength={20}
      error={error}
    />
  );
}
