import {TODO_MARKER} from '../../plan-model/grammar';
import type {Check} from '../types';

/** A scaffolded week is finished when no TODO marker is left. */
export const todos: Check = {
  name: 'leftover TODOs',
  rules: [{code: 'todo', severity: 'error', description: 'No TODO marker is left in a page.', fix: 'Replace the marker with real content.'}],
  run({source}, report) {
    source.split(/\r?\n|\r/).forEach((text, index) => {
      for (const match of text.matchAll(TODO_MARKER)) {
        const hint = match[0].trim().replace(/[\s:.,;-]+$/, '');
        const marker = hint.length > 60 ? `${hint.slice(0, 59)}…` : hint;
        report('todo', {line: index + 1, column: match.index + 1}, `Leftover "${marker}": replace it with real content.`);
      }
    });
  },
};
