import type { Tone } from '@/lib/domain/labels';

/**
 * A status in a bordered box of its tone. Two component classes (app/globals.css) rather than a utility
 * string of about 105 characters: a queue shows one per row, in its HTML and again in its RSC payload.
 */
export function StatusBadge({ label, tone = 'neutral' }: { label: string; tone?: Tone }) {
  return <span className={`badge badge-${tone}`}>{label}</span>;
}

// Moved to lib/domain/labels.ts; re-exported for code written against the old place.
export { PES_STATUS_TONE } from '@/lib/domain/labels';
