import {expect} from 'vitest';

const normalize = (text: string) => text.replace(/\s+/g, ' ').trim();
const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** What a sighted reader sees on a control: its text without the decorative parts hidden from assistive technology. */
export function visibleText(element: Element): string {
  const clone = element.cloneNode(true) as Element;
  clone.querySelectorAll('[aria-hidden="true"]').forEach((hidden) => hidden.remove());
  return normalize(clone.textContent ?? '');
}

/**
 * A `name` for `getByRole` that finds a control by the words it shows: its accessible name must
 * begin with them, so a speech-input user can say what they see (WCAG 2.5.3 Label in Name).
 */
export function shows(visible: string): (name: string) => boolean {
  return (name) => normalize(name).startsWith(visible);
}

/** Every button, link, check box and radio in `container` has a name that begins with its visible text. */
export function expectLabelInName(container: Element): void {
  const controls = Array.from(container.querySelectorAll<HTMLElement>('button, a[href], input[type="checkbox"], input[type="radio"]'));
  expect(controls.length).toBeGreaterThan(0);
  for (const control of controls) {
    const labels = control instanceof HTMLInputElement ? Array.from(control.labels ?? []) : [control];
    const visible = normalize(labels.map(visibleText).join(' '));
    if (visible) expect(control).toHaveAccessibleName(new RegExp(`^${escapeRegExp(visible)}`));
  }
}
