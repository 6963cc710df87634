import '@testing-library/jest-dom/vitest';
import {configure} from '@testing-library/react';
import {CompressionStream, DecompressionStream} from 'node:stream/web';
import {domNestingWarning} from './support/domNesting';

// The component tests run in a VM context of their own (vitest.config.mts), which has jsdom's globals but not Node's
// compression streams, which the browser has and the "Move my progress" link uses.
globalThis.CompressionStream ??= CompressionStream as unknown as typeof globalThis.CompressionStream;
globalThis.DecompressionStream ??= DecompressionStream as unknown as typeof globalThis.DecompressionStream;

// Markup React warns about nesting renders, but a browser parses server HTML of it into another tree: the page then
// fails to hydrate. Such a warning fails the test that caused it, not only the log.
const nestingWarnings: string[] = [];
const logError = console.error.bind(console);
console.error = (...args: unknown[]) => {
  const warning = domNestingWarning(args);
  if (warning) nestingWarnings.push(warning);
  logError(...args);
};
// Every test starts as a first visit: nothing stored and nothing the store remembers in memory. In the node
// environment (server renders) there is no localStorage, but the store's memory still carries over between tests.
beforeEach(async () => {
  if (typeof window !== 'undefined') window.localStorage.clear();
  const {resetStoreForTests} = await import('@site/src/store');
  resetStoreForTests();
});

afterEach(() => {
  const warnings = nestingWarnings.splice(0);
  if (warnings.length > 0) throw new Error(`React reported invalid HTML nesting:\n${warnings.join('\n')}`);
});

// jsdom has no modal dialogs yet. Opening and closing are enough here; focus containment and Escape
// belong to the browser and are checked in Chromium (tests/e2e/calendar.spec.ts).
if (typeof HTMLDialogElement !== 'undefined' && !('showModal' in HTMLDialogElement.prototype)) {
  Object.assign(HTMLDialogElement.prototype, {
    showModal(this: HTMLDialogElement) {
      this.open = true;
    },
    close(this: HTMLDialogElement) {
      if (!this.open) return;
      this.open = false;
      this.dispatchEvent(new Event('close'));
    },
  });
}

// The suite runs on two-core machines, often beside a build or the browser tests, where the first render of a
// component or the first import of a chunk loaded on demand can take well over Testing Library's one-second
// default. A `findBy…`/`waitFor` still ends as soon as its condition holds; only a genuinely missing element
// waits this long. Tests of components that load code on demand also preload that module (see their beforeAll).
configure({asyncUtilTimeout: 10_000});
