'use client';

/*
 * When an action on the page replaces the control that had focus (the button is disabled while the
 * action runs, then the form gives way to its outcome), the browser drops focus to <body> and a keyboard
 * or screen-reader user starts again from the top of the page (WCAG 2.4.3). The control that starts the
 * action calls expectOutcomeFocus(); the outcome message mounted next takes focus. A message that is
 * simply there when a page is opened never takes it: only one that an action of this page just caused.
 */
let expectedAt = 0;
const WINDOW_MS = 60_000;

export function expectOutcomeFocus(): void {
  expectedAt = Date.now();
}

// A stable callback: React calls it when the element mounts, not again on every re-render.
function focusParentIfExpected(el: HTMLSpanElement | null): void {
  if (!el || !expectedAt || Date.now() - expectedAt > WINDOW_MS) return;
  expectedAt = 0;
  el.parentElement?.focus();
}

/** Renders nothing visible; mounted as an action's outcome, it focuses its parent (which needs tabIndex={-1}). */
export function OutcomeFocus() {
  return <span hidden ref={focusParentIfExpected} />;
}
