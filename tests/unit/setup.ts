import '@testing-library/jest-dom/vitest';
import {configure} from '@testing-library/react';

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
