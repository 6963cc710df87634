import fc from 'fast-check';
import {withinAny} from './nesting';

describe('withinAny', () => {
  it('answers as trying every range would, for ranges in any order, overlapping, nested or empty', () => {
    const range = fc.tuple(fc.nat(200), fc.nat(40)).map(([start, length]): [number, number] => [start, start + length]);
    fc.assert(
      fc.property(fc.array(range, {maxLength: 30}), fc.array(fc.nat(260), {maxLength: 50}), (ranges, offsets) => {
        const inside = withinAny(ranges);
        for (const offset of offsets) expect(inside(offset)).toBe(ranges.some(([start, end]) => offset >= start && offset < end));
      }),
    );
  });

  it('counts a range’s start in and its end out', () => {
    const inside = withinAny([
      [10, 20],
      [20, 25],
      [30, 30],
    ]);
    expect([9, 10, 19, 20, 24, 25, 30].map(inside)).toEqual([false, true, true, true, true, false, false]);
  });
});
