import type {ReactNode} from 'react';
import {translate} from '@docusaurus/Translate';
import {usePlanPage} from '@site/src/components/PlanPage';
import NoteField from '@site/src/components/NoteField';
import styles from './styles.module.css';

/** Anchor of a day's notes field, which the toolbar's note count links to. */
export const dayNotesAnchor = (day: number): string => `day-${day}-notes`;

/**
 * The day's own notes field, at the end of the day. "Print this day" prints its text instead. Outside the plan's page
 * (Today, where two followed plans may share a day number) the anchor is left out, so no id repeats. Every note is
 * also on the notes page (the footer's "Your notes"); the day's toolbar counts this day's and links here.
 */
export default function DayNotes({day, anchored = true}: {day: number; anchored?: boolean}): ReactNode {
  const {planId} = usePlanPage();
  return (
    <NoteField
      planId={planId}
      kind="day"
      noteKey={String(day)}
      label={translate({id: 'notes.day.label', message: 'Notes'})}
      hiddenLabel={translate({id: 'notes.day.hiddenLabel', message: 'for day {day}'}, {day})}
      box={{id: anchored ? dayNotesAnchor(day) : undefined, className: styles.dayNotes, print: 'hide'}}
    />
  );
}
