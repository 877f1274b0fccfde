const TONES = {
  neutral: 'bg-[#eef1f4] text-[#33404d] border-[#8a99a8]',
  info: 'bg-pat-blue-light text-pat-blue-dark border-pat-blue',
  ok: 'bg-ok-light text-ok border-ok',
  warn: 'bg-warn-light text-warn border-warn',
  err: 'bg-err-light text-err border-err',
} as const;

export function StatusBadge({ label, tone = 'neutral' }: { label: string; tone?: keyof typeof TONES }) {
  return <span className={`inline-block rounded border px-2 py-0.5 text-sm font-semibold ${TONES[tone]}`}>{label}</span>;
}

export const PES_STATUS_TONE: Record<string, keyof typeof TONES> = {
  active: 'info',
  close_requested: 'warn',
  closed: 'neutral',
  draft: 'neutral',
  awaiting_validation: 'warn',
  validated: 'ok',
  rejected: 'err',
  cancelled: 'neutral',
};
