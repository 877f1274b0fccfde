/**
 * zod issues → { 'pes.2.amount': message }: the whole dotted path, so an error inside a field array
 * lands on its own field (react-hook-form's setError takes the same path). '_' for form-level issues.
 */
export function fieldErrorsOf(
  issues: readonly { path: readonly PropertyKey[]; message: string }[],
): Record<string, string> {
  const out: Record<string, string> = {};
  for (const i of issues) {
    const key = i.path.length ? i.path.map(String).join('.') : '_';
    out[key] ??= i.message;
  }
  return out;
}
