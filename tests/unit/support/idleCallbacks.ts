/**
 * Stands in for the browser's idle scheduling (src/lib/whenIdle.ts): each task waits in the returned queue until the
 * test runs it, as a page that became idle would. Undo with `vi.unstubAllGlobals()`, after the page is gone (leaving
 * cancels what it scheduled).
 */
export function queueIdleCallbacks(): (() => void)[] {
  const idle: (() => void)[] = [];
  vi.stubGlobal('requestIdleCallback', (task: () => void) => idle.push(task));
  vi.stubGlobal('cancelIdleCallback', () => {});
  return idle;
}
