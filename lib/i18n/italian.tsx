import type { ReactNode } from 'react';

/**
 * For `t.rich(key, { it: italian })`: an Italian phrase kept on purpose inside English text (the guide's
 * labels, the office's name) is marked lang="it", so screen readers pronounce it in Italian (WCAG 3.1.2).
 */
export const italian = (chunks: ReactNode) => <span lang="it">{chunks}</span>;
