import {translate} from '@docusaurus/Translate';

export const MINUTE = 60_000;

/**
 * A button's accessible name: its visible text first, then which block it acts on. Speech users say
 * what they see ("click Pause"), so the visible words must open the name (WCAG 2.5.3 Label in Name).
 */
export function nameFor(action: string, context: string): string {
  return translate(
    {id: 'timer.button.name', message: '{action}, {context}', description: 'Keep {action} first: it is the text the button shows'},
    {action, context},
  );
}
