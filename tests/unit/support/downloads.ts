import {vi} from 'vitest';

/** What components handed to the browser to download: each file's blob and its file name, in order. */
export interface RecordedDownloads {
  blobs: Blob[];
  names: string[];
}

/**
 * jsdom has no object URLs and does not download: this records what a component hands over instead. Call it in
 * `beforeEach`; `vi.restoreAllMocks()` in `afterEach` undoes the anchor spy.
 */
export function recordDownloads(): RecordedDownloads {
  const recorded: RecordedDownloads = {blobs: [], names: []};
  URL.createObjectURL = vi.fn((blob: Blob) => {
    recorded.blobs.push(blob);
    return `blob:test/${recorded.blobs.length}`;
  });
  URL.revokeObjectURL = vi.fn();
  vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
    recorded.names.push(this.download);
  });
  return recorded;
}
