import type { ReactNode } from 'react';

/** For `t.rich(key, { sr: srOnly })`: the part of a label only screen readers need (which PES a button acts on). */
export const srOnly = (chunks: ReactNode) => <span className="sr-only">{chunks}</span>;
