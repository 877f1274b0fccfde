import type { Locator, Page } from 'playwright-core';
import { expect } from 'vitest';
import type { Lang } from './catalogue-text';

/**
 * How a journey operates the page: with the mouse (Playwright's clicks, fills and selects) or with the
 * keyboard alone (Tab / Shift+Tab to reach a control, Enter or Space to activate it, typing into the
 * focused field). The same journey runs with either, so every step is proven doable without a mouse.
 */
export type Ui = {
  readonly page: Page;
  readonly keyboard: boolean;
  /** Whether the journey runs axe-core on the pages it visits (see audit() in journeys.ts). */
  readonly axe: boolean;
  /** The language the family side reads in (catalogue-text.ts `say`); staff pages are Italian whatever it is. */
  readonly lang: Lang;
  /** Links and buttons. */
  press(target: Locator): Promise<void>;
  /** Checkboxes and radio buttons. */
  check(target: Locator): Promise<void>;
  fill(target: Locator, value: string): Promise<void>;
  /** A native <select>, by the visible label of the option. */
  select(target: Locator, label: string): Promise<void>;
  /** The OS file chooser cannot be driven: the keyboard variant reaches the control first, then sets the file. */
  upload(target: Locator, file: string): Promise<void>;
};

type UiOptions = { axe?: boolean; lang?: Lang };

export function mouseUi(page: Page, { axe = true, lang = 'it' }: UiOptions = {}): Ui {
  return {
    page,
    keyboard: false,
    axe,
    lang,
    press: (t) => t.click(),
    check: (t) => t.check(),
    fill: (t, v) => t.fill(v),
    select: async (t, label) => void (await t.selectOption({ label })),
    upload: (t, file) => t.setInputFiles(file),
  };
}

/** Presses of Tab allowed to reach one control: more means it is unreachable, or focus is trapped elsewhere. */
const MAX_TABS = 120;

type Where = 'here' | 'group' | 'forward' | 'backward';

/** Moves focus to `target` with Tab / Shift+Tab only, as a keyboard user would, and fails if it never gets there. */
export async function tabTo(page: Page, target: Locator): Promise<Where> {
  await target.waitFor({ state: 'visible' });
  // A control disabled until the page has hydrated is skipped by Tab: wait for it as a user would.
  await expect.poll(() => target.isEnabled()).toBe(true);
  const seen: string[] = [];
  for (let i = 0; i <= MAX_TABS; i++) {
    const { where, at, ring } = await target.evaluate((el) => {
      const a = document.activeElement;
      const at = a
        ? `${a.tagName.toLowerCase()}${a.id ? `#${a.id}` : ''} «${(a.getAttribute('aria-label') ?? a.textContent ?? '').trim().slice(0, 40)}»`
        : 'null';
      const s = a ? getComputedStyle(a) : null;
      const ring = !s
        ? ''
        : s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) > 0
          ? `outline ${s.outlineWidth} ${s.outlineStyle}`
          : s.boxShadow !== 'none'
            ? `box-shadow ${s.boxShadow}`
            : '';
      const where: Where =
        a === el
          ? 'here'
          : // A radio group is one tab stop: reaching any of its buttons is reaching the group.
            el instanceof HTMLInputElement &&
              el.type === 'radio' &&
              a instanceof HTMLInputElement &&
              a.type === 'radio' &&
              a.name === el.name &&
              a.form === el.form
            ? 'group'
            : !a ||
                a === document.body ||
                a === document.documentElement ||
                a.compareDocumentPosition(el) & Node.DOCUMENT_POSITION_FOLLOWING
              ? 'forward'
              : 'backward';
      return { where, at, ring };
    });
    if (process.env.E2E_KEYBOARD_TRACE && i === 0)
      console.log(`[kbd] ${new URL(page.url()).pathname} from ${at} to ${target}`);
    if (where === 'here' || where === 'group') {
      if (process.env.E2E_KEYBOARD_TRACE) console.log(`[kbd]   ${i} presses; focus shown by ${ring}`);
      // WCAG 2.4.7: the control reached shows that it has focus.
      expect(ring, `visible focus on ${target}`).not.toBe('');
      return where;
    }
    seen.push(at);
    await page.keyboard.press(where === 'forward' ? 'Tab' : 'Shift+Tab');
  }
  throw new Error(
    `${target} not reachable with Tab / Shift+Tab in ${MAX_TABS} presses; focus went through: ${seen.slice(-12).join(' → ')}`,
  );
}

export function keyboardUi(page: Page, { axe = true, lang = 'it' }: UiOptions = {}): Ui {
  // What was last pressed, and where: if the page is still there but focus fell to <body>, the action
  // dropped it (its button disabled or removed) and a keyboard user would start again from the top.
  let pressed: { what: string; url: string } | null = null;
  const reach = async (t: Locator): Promise<Where> => {
    if (pressed) {
      const lost = await page.evaluate(() => !document.activeElement || document.activeElement === document.body);
      if (lost && page.url() === pressed.url)
        throw new Error(`focus lost after pressing ${pressed.what} on ${pressed.url}`);
      pressed = null;
    }
    return tabTo(page, t);
  };
  return {
    page,
    keyboard: true,
    axe,
    lang,
    press: async (t) => {
      await reach(t);
      const tag = await t.evaluate((el) => el.tagName.toLowerCase());
      // The address before the press: read after it, a fast navigation's new page (focus on <body>, as any
      // freshly loaded page) passed for the page the press left, and its focus for lost.
      const url = page.url();
      // Enter follows a link and presses a button; Space would scroll on a link.
      await page.keyboard.press(tag === 'a' ? 'Enter' : 'Space');
      pressed = { what: String(t), url };
    },
    check: async (t) => {
      const where = await reach(t);
      const isRadio = await t.evaluate((el) => el instanceof HTMLInputElement && el.type === 'radio');
      if (isRadio) {
        if (where === 'group') {
          // Arrow keys move within the group and select the button they land on.
          for (let i = 0; i < 20 && !(await t.isChecked()); i++) {
            const down = await t.evaluate((el) =>
              Boolean(
                document.activeElement &&
                document.activeElement.compareDocumentPosition(el) & Node.DOCUMENT_POSITION_FOLLOWING,
              ),
            );
            await page.keyboard.press(down ? 'ArrowDown' : 'ArrowUp');
          }
        }
        if (!(await t.isChecked())) await page.keyboard.press('Space');
      } else if (!(await t.isChecked())) await page.keyboard.press('Space');
      if (!(await t.isChecked())) throw new Error(`${t} not checked with the keyboard`);
    },
    fill: async (t, v) => {
      await reach(t);
      await page.keyboard.press('ControlOrMeta+A');
      await page.keyboard.press('Delete');
      await page.keyboard.type(v);
    },
    select: async (t, label) => {
      await reach(t);
      const labels = await t.locator('option').allTextContents();
      const want = labels.indexOf(label);
      if (want < 0) throw new Error(`${t} has no option «${label}» (${labels.join(', ')})`);
      // On a closed <select>, the arrow keys change the choice (and fire change) without opening the list.
      for (let i = 0; i < labels.length + 1; i++) {
        const at = await t.evaluate((el) => (el as HTMLSelectElement).selectedIndex);
        if (at === want) return;
        await page.keyboard.press(at < want ? 'ArrowDown' : 'ArrowUp');
      }
      throw new Error(`${t}: could not choose «${label}» with the arrow keys`);
    },
    upload: async (t, file) => {
      await reach(t);
      await t.setInputFiles(file);
    },
  };
}
