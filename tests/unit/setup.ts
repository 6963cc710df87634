import '@testing-library/jest-dom/vitest';

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
