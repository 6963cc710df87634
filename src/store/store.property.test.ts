import fc from 'fast-check';
import {decodeState, readStored} from './schema';
import {setTick, type Progress} from './progress';
import {EXPORT_APP, EXPORT_VERSION, importProgress} from './exchange';

const NOW = Date.parse('2026-01-05T09:00:00Z');

/** Keys a hostile or broken file may hold, mixed with real-looking ids and arbitrary text. */
const key = fc.oneof(
  fc.constantFrom('__proto__', 'constructor', 'toString', 'hasOwnProperty', 'valueOf', '', 'weeks/week-09/go', 'intensive/senior-go-14-days', 'd1-b1', 'd2-a1'),
  fc.string({maxLength: 12}),
  fc.string({minLength: 201, maxLength: 260}),
);
const tickValue = fc.oneof(fc.integer({min: -5, max: 2_000_000_000_000}), fc.double(), fc.string({maxLength: 4}), fc.constant(null));

/** JSON text of an object built key by key, so "__proto__" stays an ordinary key, as in a stored value or a file. */
const objectText = <T>(entries: fc.Arbitrary<T>, toText: (value: T) => string) =>
  fc.array(fc.tuple(key, entries), {maxLength: 6}).map((pairs) => `{${pairs.map(([name, value]) => `${JSON.stringify(name)}:${toText(value)}`).join(',')}}`);
const progressText = objectText(
  objectText(tickValue, (value) => JSON.stringify(value)),
  (text) => text,
);

const timerText = fc
  .record({
    planId: key,
    itemId: key,
    durationMs: fc.integer({min: -10, max: 2 * 86_400_000}),
    maxMs: fc.integer({min: -10, max: 2 * 86_400_000}),
    elapsedMs: fc.integer({min: -10, max: 2 * 86_400_000}),
    runningSince: fc.option(fc.integer({min: -10, max: NOW + 86_400_000})),
    finishedAt: fc.option(fc.integer({min: -10, max: NOW + 86_400_000})),
  })
  .map((timer) => JSON.stringify({...timer, label: 'x', next: null}));

const storedText = fc.oneof(
  fc
    .tuple(
      progressText,
      objectText(timerText, (text) => text),
      fc.constantFrom('"4h"', '"6h"', '"8h"', 'null'),
    )
    .map(([progress, timers, variant]) => `{"version":1,"variant":${variant},"timers":${timers},"autoAdvance":true,"progress":${progress}}`),
  fc.string(),
);

const tickCount = (progress: Progress) => Object.values(progress).reduce((sum, ticks) => sum + Object.keys(ticks).length, 0);
const prototypeShape = () => Object.getOwnPropertyNames(Object.prototype).sort().join(',');

describe('properties of the store over arbitrary input', () => {
  it('decode → encode → decode is stable, whole or cut off anywhere', () => {
    fc.assert(
      fc.property(storedText, fc.nat(), (text, cut) => {
        for (const raw of [text, text.slice(0, cut % (text.length + 1))]) {
          const once = decodeState(raw, NOW);
          expect(decodeState(JSON.stringify(once), NOW)).toEqual(once);
        }
      }),
    );
  });

  it('a decoded state holds only ticks under keys that can be ids; nothing is dropped without being counted', () => {
    fc.assert(
      fc.property(storedText, (raw) => {
        const {state, report} = readStored(raw, NOW);
        for (const [planId, ticks] of Object.entries(state.progress)) {
          expect(Object.getPrototypeOf(ticks)).toBeNull();
          expect(['__proto__', 'constructor', 'toString', '']).not.toContain(planId);
        }
        if (report.condition === 'ok') {
          const parsed = JSON.parse(raw) as {progress: Record<string, Record<string, unknown>>};
          const written = Object.values(parsed.progress).reduce((sum, ticks) => sum + Object.keys(ticks).length, 0);
          expect(tickCount(state.progress) + report.droppedTicks).toBeGreaterThanOrEqual(written);
        }
      }),
    );
  });

  it('an import never reports more ticks added than it stored', () => {
    fc.assert(
      fc.property(progressText, storedText, (fileProgress, currentText) => {
        const current = decodeState(currentText, NOW).progress;
        const result = importProgress(`{"app":"${EXPORT_APP}","version":${EXPORT_VERSION},"progress":${fileProgress}}`, current);
        if (!result.ok) return;
        expect(tickCount(result.progress)).toBe(tickCount(current) + result.report.added);
        expect(tickCount(JSON.parse(JSON.stringify(result.progress)) as Progress)).toBe(tickCount(result.progress));
      }),
    );
  });

  it('leaves Object.prototype unchanged, whatever the keys', () => {
    const before = prototypeShape();
    fc.assert(
      fc.property(progressText, storedText, key, key, (fileProgress, currentText, planId, itemId) => {
        const current = decodeState(currentText, NOW).progress;
        const result = importProgress(`{"app":"${EXPORT_APP}","version":${EXPORT_VERSION},"progress":${fileProgress}}`, current);
        setTick(result.ok ? result.progress : current, planId, itemId, true, 1);
        expect(prototypeShape()).toBe(before);
        expect(Object.getPrototypeOf({})).toBe(Object.prototype);
        expect(({} as Record<string, unknown>)['d1-b1']).toBeUndefined();
      }),
    );
  });
});
