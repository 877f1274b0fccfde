import type { ReactNode } from 'react';
import { OutcomeFocus } from './outcome-focus';

const STYLES = {
  error: 'border-err bg-err-light text-err',
  success: 'border-ok bg-ok-light text-ok',
  info: 'border-pat-blue bg-pat-blue-light text-pat-blue-dark',
  warning: 'border-warn bg-warn-light text-warn',
} as const;

/**
 * Errors are announced (role=alert); other notices are polite status messages. `outcome`: the message is
 * the result of an action on this page and takes focus when that action put it there (see outcome-focus.tsx).
 */
export function Alert({
  kind,
  title,
  children,
  id,
  outcome = false,
}: {
  kind: keyof typeof STYLES;
  title?: string;
  children?: ReactNode;
  id?: string;
  outcome?: boolean;
}) {
  return (
    <div
      id={id}
      role={kind === 'error' ? 'alert' : 'status'}
      className={`my-4 rounded border-l-4 p-4 ${STYLES[kind]}`}
      {...(outcome ? { tabIndex: -1 } : {})}
    >
      {outcome ? <OutcomeFocus /> : null}
      {title ? <p className="font-bold">{title}</p> : null}
      {children ? <div className="text-ink">{children}</div> : null}
    </div>
  );
}
