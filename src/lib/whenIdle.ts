/**
 * Runs `task` when the browser is idle (within `timeout` ms at the latest); a browser without `requestIdleCallback`
 * (Safari) runs it after `timeout`. Returns the cancel.
 */
export function whenIdle(task: () => void, timeout: number): () => void {
  if (typeof requestIdleCallback === 'function') {
    const handle = requestIdleCallback(task, {timeout});
    return () => cancelIdleCallback(handle);
  }
  const handle = setTimeout(task, timeout);
  return () => clearTimeout(handle);
}
