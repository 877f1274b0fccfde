'use client';

/*
 * When an action on the page replaces the control that had focus (the button is disabled while the
 * action runs, then the form gives way to its outcome), the browser drops focus to <body> and a keyboard
 * or screen-reader user starts again from the top of the page (WCAG 2.4.3). The control that starts the
 * action calls expectOutcomeFocus(); the outcome message mounted next takes focus. A message that is
 * simply there when a page is opened never takes it: only one that an action of this page just caused.
 * When the focused outcome is itself replaced (a form's own message, then the page's after the refresh),
 * the replacement takes focus over.
 */
const WINDOW_MS = 60_000;
let expectedAt = 0;
let focused: { el: HTMLElement; at: number } | null = null;

export function expectOutcomeFocus(): void {
  expectedAt = Date.now();
}

// A stable callback: React calls it when the element mounts, not again on every re-render.
function focusParentIfExpected(el: HTMLSpanElement | null): void {
  const target = el?.parentElement;
  if (!target) return;
  const now = Date.now();
  const expected = expectedAt > 0 && now - expectedAt <= WINDOW_MS;
  const active = document.activeElement;
  const replaced =
    focused !== null &&
    now - focused.at <= WINDOW_MS &&
    !focused.el.isConnected &&
    (!active || active === document.body);
  if (!expected && !replaced) return;
  expectedAt = 0;
  focused = { el: target, at: now };
  target.focus();
}

/** Renders nothing visible; mounted as an action's outcome, it focuses its parent (which needs tabIndex={-1}). */
export function OutcomeFocus() {
  return <span hidden ref={focusParentIfExpected} />;
}
