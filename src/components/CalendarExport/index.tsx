import {useCallback, useRef, useState, type ReactNode} from 'react';
import {createPortal} from 'react-dom';
import Translate from '@docusaurus/Translate';
import {lazyComponent} from '@site/src/lib/onDemand';
import utilities from '@site/src/css/utilities.module.css';
import styles from './styles.module.css';

// The form, its date arithmetic and its event builder load when someone opens it, not with every plan page.
const CalendarDialog = lazyComponent(() => import('./CalendarDialog'));

/**
 * "Add to calendar": a button that opens a modal form (Day 1 date, start time, 4h/6h) and downloads
 * an .ics file with one event per block, or per session on the intensive plan. With `day`, exports that day only.
 */
export default function CalendarExport({day}: {day?: number}): ReactNode {
  const [open, setOpen] = useState(false);
  const [status, setStatus] = useState('');
  // The live region is there while the dialog is open, well before it has anything to say, and while it says something:
  // a plan page has a button per day, and a region per day that never speaks is an element per day for nothing.
  const statusShown = open || status !== '';
  const triggerRef = useRef<HTMLButtonElement>(null);
  const onClose = useCallback(() => {
    setOpen(false);
    triggerRef.current?.focus();
  }, []);
  const single = day !== undefined;

  // The button and its status sit in whatever lays out their parent (a day's toolbar, a plan's overview): no wrapper
  // of their own, as every day of a plan page has one.
  return (
    <>
      <button
        ref={triggerRef}
        type="button"
        className={utilities.actionButton}
        aria-haspopup="dialog"
        aria-expanded={open}
        onClick={() => setOpen(true)}
        data-print="hide">
        {single ? <Translate id="calendar.open.day">Add this day to calendar</Translate> : <Translate id="calendar.open.plan">Add to calendar</Translate>}
      </button>
      {statusShown && (
        <span className={styles.status} role="status" data-print="hide">
          {status}
        </span>
      )}
      {/* In <body>, so the toolbar or section it is opened from lends it none of its styles. */}
      {open && createPortal(<CalendarDialog day={day} onClose={onClose} onDownloaded={setStatus} />, document.body)}
    </>
  );
}
