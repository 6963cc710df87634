import {useEffect, useState} from 'react';

/**
 * Wall-clock time that refreshes once per second while `active`, aligned to the
 * second so a countdown never skips or repeats a digit. Only the caller re-renders.
 */
export function useNow(active: boolean): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    // The clock is the external system here: catch up with it at once when the timer starts or stops.
    // eslint-disable-next-line react-hooks/set-state-in-effect
    setNow(Date.now());
    if (!active) return undefined;
    let timeout: ReturnType<typeof setTimeout>;
    const tick = () => {
      const current = Date.now();
      setNow(current);
      timeout = setTimeout(tick, 1000 - (current % 1000) || 1000);
    };
    timeout = setTimeout(tick, 1000 - (Date.now() % 1000) || 1000);
    return () => clearTimeout(timeout);
  }, [active]);
  return now;
}
