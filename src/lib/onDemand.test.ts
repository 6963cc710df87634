import {describe, expect, it, vi} from 'vitest';
import {onDemand} from './onDemand';

describe('onDemand', () => {
  it('loads the module once, however many components ask', async () => {
    const importModule = vi.fn(() => Promise.resolve({name: 'controls'}));
    const source = onDemand(importModule);
    expect(source.current()).toBeNull();
    const [first, second] = await Promise.all([source.load(), source.load()]);
    expect(first).toEqual({name: 'controls'});
    expect(second).toBe(first);
    expect(source.current()).toBe(first);
    expect(importModule).toHaveBeenCalledTimes(1);
  });

  it('asks once more at once when a load fails (its chunk timed out while the device slept)', async () => {
    const importModule = vi.fn().mockRejectedValueOnce(new Error('Loading chunk 7 failed. (timeout)')).mockResolvedValueOnce({name: 'controls'});
    const source = onDemand(importModule);
    expect(await source.load()).toEqual({name: 'controls'});
    expect(importModule).toHaveBeenCalledTimes(2);
  });

  it('fails after two tries (offline before the site was cached), and a later call tries again', async () => {
    const importModule = vi
      .fn()
      .mockRejectedValueOnce(new Error('offline'))
      .mockRejectedValueOnce(new Error('offline'))
      .mockResolvedValueOnce({name: 'controls'});
    const source = onDemand(importModule);
    expect(await source.load()).toBeNull();
    expect(source.current()).toBeNull();
    expect(await source.load()).toEqual({name: 'controls'});
    expect(importModule).toHaveBeenCalledTimes(3);
  });

  it('can also fail as import() does, for a caller that says why, and still tries again', async () => {
    const importModule = vi
      .fn()
      .mockRejectedValueOnce(new Error('offline'))
      .mockRejectedValueOnce(new Error('offline'))
      .mockResolvedValueOnce({name: 'encoder'});
    const source = onDemand(importModule);
    await expect(source.get()).rejects.toThrow('offline');
    await expect(source.get()).resolves.toEqual({name: 'encoder'});
    expect(await source.load()).toBe(source.current());
    expect(importModule).toHaveBeenCalledTimes(3);
  });
});
