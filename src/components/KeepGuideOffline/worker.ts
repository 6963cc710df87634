/** What the service worker answers about the whole guide (src/sw/keepOffline.js: guideStatus, keepGuide). */
export type GuideReply =
  | {type: 'status'; missing: number; missingBytes: number}
  | {type: 'status'; unavailable: true}
  | {type: 'progress'; done: number; total: number}
  | {type: 'kept'}
  | {type: 'failed'; missing: number | null};

/**
 * Asks the worker controlling this page (`guide-status` or `keep-guide`) on a port of its own, so its answers come to
 * this page only; `onReply` hears each of them. Returns a function that stops listening.
 */
export function askWorker(worker: ServiceWorker, type: 'guide-status' | 'keep-guide', onReply: (reply: GuideReply) => void): () => void {
  const channel = new MessageChannel();
  channel.port1.onmessage = (event: MessageEvent<GuideReply>) => onReply(event.data);
  worker.postMessage({type}, [channel.port2]);
  return () => channel.port1.close();
}

/** "1.2 MB", "340 kB": decimal units, as download sizes are shown elsewhere. */
export function formatSize(bytes: number, locale?: string): string {
  const [unit, size] = bytes >= 1_000_000 ? (['megabyte', bytes / 1_000_000] as const) : (['kilobyte', Math.max(1, bytes / 1_000)] as const);
  return new Intl.NumberFormat(locale, {style: 'unit', unit, maximumFractionDigits: unit === 'megabyte' ? 1 : 0}).format(size);
}
