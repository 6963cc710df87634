import {BACKUP_REMINDER_MS, askToPersist, formatBackupTime, needsBackupReminder} from './backup';

const DAY = 24 * 60 * 60 * 1000;
const NOW = Date.parse('2026-03-20T12:00:00Z');
const WEEK = 'weeks/week-10/go';

describe('the backup reminder', () => {
  it('comes once ticks without a backup go back two weeks, not before', () => {
    expect(needsBackupReminder({}, null, NOW)).toBe(false);
    expect(needsBackupReminder({[WEEK]: {'d1-b1': NOW - 13 * DAY}}, null, NOW)).toBe(false);
    expect(needsBackupReminder({[WEEK]: {'d1-b1': NOW - BACKUP_REMINDER_MS}}, null, NOW)).toBe(true);
  });

  it('counts only ticks made after the last backup', () => {
    const progress = {[WEEK]: {'d1-b1': NOW - 30 * DAY, 'd1-b2': NOW - 3 * DAY}};
    expect(needsBackupReminder(progress, NOW - 20 * DAY, NOW)).toBe(false);
    expect(needsBackupReminder({[WEEK]: {'d1-b1': NOW - 30 * DAY}}, NOW - 20 * DAY, NOW)).toBe(false);
    expect(needsBackupReminder({[WEEK]: {'d1-b1': NOW - 30 * DAY, 'd1-b2': NOW - 15 * DAY}}, NOW - 20 * DAY, NOW)).toBe(true);
  });
});

describe('the last backup’s time', () => {
  // 23:30 UTC is already the next day in Berlin and still the same evening in New York.
  const at = Date.parse('2026-01-05T23:30:00Z');
  it.each([
    ['Europe/Berlin', 'Jan 6, 2026, 12:30 AM'],
    ['America/New_York', 'Jan 5, 2026, 6:30 PM'],
  ])('is shown in the reader’s zone (%s)', (zone, shown) => {
    expect(formatBackupTime(at, zone).replace(/\u202f/g, ' ')).toBe(shown);
  });
});

describe('asking the browser to keep the data', () => {
  it('asks when not yet persistent, and not again when it is', async () => {
    const persist = vi.fn(async () => true);
    await expect(askToPersist({persisted: async () => false, persist})).resolves.toBe(true);
    expect(persist).toHaveBeenCalledTimes(1);
    const again = vi.fn(async () => true);
    await expect(askToPersist({persisted: async () => true, persist: again})).resolves.toBe(true);
    expect(again).not.toHaveBeenCalled();
  });

  it('does nothing where the API is missing, and reports a refusal as not kept rather than failing', async () => {
    await expect(askToPersist(undefined)).resolves.toBe(false);
    await expect(askToPersist({})).resolves.toBe(false);
    await expect(askToPersist({persisted: async () => Promise.reject(new Error('denied')), persist: async () => true})).resolves.toBe(false);
    await expect(askToPersist({persisted: async () => false, persist: async () => false})).resolves.toBe(false);
  });
});
