import {useEffect, useState} from 'react';
import {localDate} from '@site/src/schedule';

/**
 * The reader's local calendar date, `YYYY-MM-DD`; null during the server render and hydration,
 * so nothing date-dependent is ever rendered on the server. Checked each minute, so a page left
 * open past midnight moves on to the next day.
 */
export function useToday(): string | null {
  const [today, setToday] = useState<string | null>(null);
  useEffect(() => {
    const update = () => setToday(localDate(Date.now()));
    update();
    const interval = setInterval(update, 60_000);
    return () => clearInterval(interval);
  }, []);
  return today;
}
