import {useId, useState, type ReactNode} from 'react';
import {translate} from '@docusaurus/Translate';
import NoteField from '@site/src/components/NoteField';
import {useStoredState, noteOf} from '@site/src/store';
import styles from './styles.module.css';
import utilities from '@site/src/css/utilities.module.css';

/**
 * A short note on one block, addition, topic or practice item: a small button opens its field; a kept note shows open.
 * "Print this day" prints the note's text under its item (the field and button never print). Until it is opened the
 * note is one button: the field exists only while open.
 */
export default function ItemNote({planId, itemId, label}: {planId: string; itemId: string; label: string}): ReactNode {
  const id = useId();
  const note = useStoredState((state) => noteOf(state.itemNotes, planId, itemId));
  const hasNote = note !== '';
  // Until the reader chooses, the field is open exactly when there is a note to show.
  const [chosen, setChosen] = useState<boolean | null>(null);
  const open = chosen ?? hasNote;
  const visible = hasNote ? translate({id: 'notes.item.button', message: 'Note'}) : translate({id: 'notes.item.add', message: 'Add note'});
  const on = translate({id: 'notes.item.on', message: 'on {label}'}, {label});
  return (
    <>
      <button
        type="button"
        className={utilities.itemAction}
        aria-expanded={open}
        aria-controls={open ? id : undefined}
        aria-label={`${visible} ${on}`}
        onClick={() => setChosen(!open)}>
        {visible}
      </button>
      {open && (
        <NoteField
          planId={planId}
          kind="item"
          noteKey={itemId}
          label={translate({id: 'notes.item.label', message: 'Note'})}
          hiddenLabel={on}
          rows={2}
          focusOnMount={chosen === true}
          box={{id, className: styles.field}}
        />
      )}
      {hasNote && (
        <p className={styles.printNote} data-print-item-note>
          <span className={styles.printNoteLabel}>{translate({id: 'notes.item.print', message: 'Note:'})}</span> {note}
        </p>
      )}
    </>
  );
}
