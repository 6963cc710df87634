import {encodeTransfer, isTransferFragment, previewTransfer, readTransfer} from './transfer';

const WEEK = 'weeks/week-10/go';

async function offerFor(progress: Record<string, Record<string, number>>, variant: '4h' | '6h' | null = null) {
  const read = await readTransfer(`#${await encodeTransfer(progress, variant)}`);
  if (!read.ok) throw new Error(read.error);
  return read.offer;
}

describe('a "Move my progress" link', () => {
  it('carries every tick with its time and the 4h/6h choice, in the fragment, shorter than the JSON', async () => {
    const progress = {[WEEK]: Object.fromEntries(Array.from({length: 40}, (_, index) => [`d${(index % 7) + 1}-b${index + 1}`, 1_767_600_000_000 + index]))};
    const fragment = await encodeTransfer(progress, '6h');
    expect(isTransferFragment(`#${fragment}`)).toBe(true);
    expect(fragment).toMatch(/^move=1\.[A-Za-z0-9_-]+$/);
    expect(fragment.length).toBeLessThan(JSON.stringify(progress).length);
    const preview = previewTransfer(await offerFor(progress, '6h'), {}, null);
    expect(preview).toMatchObject({ok: true, progress, variant: '6h', variantChanges: true, report: {added: 40}});
  });

  it('merges by the import rules: never unticks, the earliest time wins, unknown plans are kept', async () => {
    const offer = await offerFor({[WEEK]: {'d1-b1': 500, 'd1-b2': 9000}, 'weeks/week-99/go': {'d1-b1': 7}}, null);
    const preview = previewTransfer(offer, {[WEEK]: {'d1-b2': 1000, 'd3-b1': 4000}}, '6h', new Map([[WEEK, new Set(['d1-b1', 'd1-b2', 'd3-b1'])]]));
    expect(preview).toMatchObject({
      ok: true,
      progress: {[WEEK]: {'d1-b1': 500, 'd1-b2': 1000, 'd3-b1': 4000}, 'weeks/week-99/go': {'d1-b1': 7}},
      report: {added: 2, alreadyThere: 1, unknownPlans: ['weeks/week-99/go']},
      // A link from a device where no choice was made keeps this one's.
      variant: '6h',
      variantChanges: false,
    });
  });

  it('cut off anywhere, it is refused as damaged', async () => {
    const fragment = await encodeTransfer({[WEEK]: {'d1-b1': 1_767_600_000_000, 'd2-b1': 1_767_600_100_000}}, '4h');
    for (const length of [fragment.length - 1, fragment.length - 5, Math.floor(fragment.length / 2), 'move=1.'.length, 'move='.length]) {
      const read = await readTransfer(`#${fragment.slice(0, length)}`);
      expect(read, `cut to ${length} characters`).toEqual({ok: false, error: expect.stringMatching(/damaged or incomplete.*Nothing was changed/)});
    }
  });

  it('from a newer site, or not ours, it is refused and says why', async () => {
    const fragment = await encodeTransfer({}, null);
    expect(await readTransfer(`#${fragment.replace('move=1.', 'move=2.')}`)).toEqual({
      ok: false,
      error: expect.stringMatching(/newer version of this site.*Nothing was changed/),
    });
    expect(await readTransfer('#move=1.not*base64')).toMatchObject({ok: false});
    expect(await readTransfer('#move=1.AAAA')).toMatchObject({ok: false});
  });
});
