import type { Tone } from '@/lib/domain/labels';

const TONES: Record<Tone, string> = {
  neutral: 'bg-[#eef1f4] text-[#33404d] border-[#8a99a8]',
  info: 'bg-pat-blue-light text-pat-blue-dark border-pat-blue',
  ok: 'bg-ok-light text-ok border-ok',
  warn: 'bg-warn-light text-warn border-warn',
  err: 'bg-err-light text-err border-err',
};

export function StatusBadge({ label, tone = 'neutral' }: { label: string; tone?: Tone }) {
  return (
    <span className={`inline-block rounded border px-2 py-0.5 text-sm font-semibold ${TONES[tone]}`}>{label}</span>
  );
}

// Moved to lib/domain/labels.ts; re-exported for code written against the old place.
export { PES_STATUS_TONE } from '@/lib/domain/labels';
