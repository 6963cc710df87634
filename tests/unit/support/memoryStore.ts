import type {MergeOutcome, SyncableStore, SyncSnapshot} from '@site/src/sync/adapter';

/** One key's latest write; a removal is a write of `null` (a tombstone), so it travels like any other change. */
interface Entry {
  value: string | null;
  at: number;
  device: string;
}

const FORMAT = 1;

const isEntry = (value: unknown): value is Entry =>
  typeof value === 'object' &&
  value !== null &&
  (typeof (value as Entry).value === 'string' || (value as Entry).value === null) &&
  typeof (value as Entry).at === 'number' &&
  typeof (value as Entry).device === 'string';

/** The later write wins; equal times are broken by device name, so every device picks the same one. */
const later = (a: Entry, b: Entry): Entry => (a.at !== b.at ? (a.at > b.at ? a : b) : a.device >= b.device ? a : b);

/**
 * A device's record for the sync tests: a map of key → last write, merged by last-writer-wins per key. That merge is
 * a join (commutative, associative, idempotent), as the real record model's is, so what the tests prove about sync
 * holds for any store whose merge is one.
 */
export class MemoryStore implements SyncableStore {
  private entries = new Map<string, Entry>();
  private readonly listeners = new Set<() => void>();
  private clock = 0;

  constructor(readonly device: string) {}

  set(key: string, value: string | null): void {
    this.clock = Math.max(this.clock + 1, Date.now());
    this.entries.set(key, {value, at: this.clock, device: this.device});
    this.listeners.forEach((listener) => listener());
  }

  /** Live keys and their values (tombstones left out). */
  values(): Record<string, string> {
    return Object.fromEntries([...this.entries].flatMap(([key, entry]) => (entry.value === null ? [] : [[key, entry.value]])).sort());
  }

  snapshot(): SyncSnapshot {
    return {format: FORMAT, doc: {entries: Object.fromEntries([...this.entries].sort(([a], [b]) => a.localeCompare(b)))}};
  }

  merge(doc: unknown): MergeOutcome {
    const entries = (doc as {entries?: unknown} | null)?.entries;
    if (typeof entries !== 'object' || entries === null || Array.isArray(entries)) return {error: 'it has no entries'};
    const incoming = Object.entries(entries);
    if (!incoming.every(([, entry]) => isEntry(entry))) return {error: 'an entry is malformed'};
    let changed = false;
    for (const [key, entry] of incoming as [string, Entry][]) {
      const here = this.entries.get(key);
      const winner = here ? later(here, entry) : entry;
      if (winner !== here) {
        this.entries.set(key, {...winner});
        this.clock = Math.max(this.clock, winner.at);
        changed = true;
      }
    }
    if (changed) this.listeners.forEach((listener) => listener());
    return {changed};
  }

  subscribe(onChange: () => void): () => void {
    this.listeners.add(onChange);
    return () => this.listeners.delete(onChange);
  }
}

export const MEMORY_STORE_FORMAT = FORMAT;
