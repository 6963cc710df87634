import {useId, useState, type ReactNode} from 'react';
import {translate} from '@docusaurus/Translate';
import NoteField from '@site/src/components/NoteField';
import {useStoredState} from '@site/src/store';
import {noteOf} from '@site/src/store/notes';
import utilities from '@site/src/css/utilities.module.css';
import styles from './styles.module.css';

/**
 * A short note on one block, addition, topic or practice item: a small button opens its field; a kept note shows open.
 * "Print this day" prints the note's text under its item (the field and button never print).
 */
export default function ItemNote({planId, itemId, label}: {planId: string; itemId: string; label: string}): ReactNode {
  const id = useId();
  const note = useStoredState((state) => noteOf(state.itemNotes, planId, itemId));
  const hasNote = note !== '';
  // Until the reader chooses, the field is open exactly when there is a note to show.
  const [chosen, setChosen] = useState<boolean | null>(null);
  const open = chosen ?? hasNote;
  const visible = hasNote ? translate({id: 'notes.item.button', message: 'Note'}) : translate({id: 'notes.item.add', message: 'Add note'});
  return (
    <div className={styles.itemNote}>
      <button type="button" className={utilities.itemAction} aria-expanded={open} aria-controls={id} onClick={() => setChosen(!open)}>
        {visible} <span className={utilities.visuallyHidden}>{translate({id: 'notes.item.on', message: 'on {label}'}, {label})}</span>
      </button>
      <div id={id} hidden={!open} className={styles.field}>
        {open && (
          <NoteField
            planId={planId}
            kind="item"
            noteKey={itemId}
            label={translate({id: 'notes.item.label', message: 'Note'})}
            hiddenLabel={translate({id: 'notes.item.on', message: 'on {label}'}, {label})}
            rows={2}
            focusOnMount={chosen === true}
          />
        )}
      </div>
      {hasNote && (
        <p className={styles.printNote} data-print-item-note>
          <span className={styles.printNoteLabel}>{translate({id: 'notes.item.print', message: 'Note:'})}</span> {note}
        </p>
      )}
    </div>
  );
}
