import {useCallback, useEffect, useRef, useState, type ReactNode} from 'react';
import clsx from 'clsx';
import {translate} from '@docusaurus/Translate';
import {useStoredState, MAX_NOTE_LENGTH, noteOf, type NoteKind, saveNote, type NoteSaveOutcome} from '@site/src/store';
import styles from './styles.module.css';

/** How long typing pauses before the note is written; blur and leaving the page write at once. */
export const SAVE_DELAY_MS = 400;

type SaveStatus = 'idle' | NoteSaveOutcome;

const FIELD: Record<NoteKind, 'dayNotes' | 'itemNotes'> = {day: 'dayNotes', item: 'itemNotes'};

/**
 * A plain-text note kept in the store as typed: saved after a short pause in typing, and at once
 * on blur, when the page is hidden or left, and when the field goes away, so no keystroke is lost.
 * A write that stays in memory is said next to the field (the site-wide notice says why).
 */
export default function NoteField({
  planId,
  kind,
  noteKey,
  label,
  hiddenLabel,
  rows = 4,
  focusOnMount = false,
  box = {},
}: {
  planId: string;
  kind: NoteKind;
  /** The day number as text, or the item id. */
  noteKey: string;
  /** Visible label; the accessible name starts with it. */
  label: string;
  /** Read only by screen readers after the label, e.g. "for day 2". */
  hiddenLabel: string;
  rows?: number;
  /** Set when the reader's own click opened the field, so typing can start at once. */
  focusOnMount?: boolean;
  /** The id, class and print rule of the box the field sits in (the caller's, rendered here). */
  box?: {id?: string; className?: string; print?: 'hide'};
}): ReactNode {
  const field = FIELD[kind];
  const stored = useStoredState((state) => noteOf(state[field], planId, noteKey));
  // While the reader edits, the field shows their draft, not the store, so a write never moves the caret.
  const [draft, setDraft] = useState<string | null>(null);
  const [status, setStatus] = useState<SaveStatus>('idle');
  const [used, setUsed] = useState(focusOnMount);
  const pending = useRef<string | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const textarea = useRef<HTMLTextAreaElement>(null);

  useEffect(() => {
    if (focusOnMount) textarea.current?.focus();
    // Only when the field appears: a later render must not pull focus back.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  const flush = useCallback((): NoteSaveOutcome | null => {
    clearTimeout(timer.current);
    const text = pending.current;
    if (text === null) return null;
    pending.current = null;
    const outcome = saveNote(kind, planId, noteKey, text);
    setStatus(outcome);
    return outcome;
  }, [kind, planId, noteKey]);

  useEffect(() => {
    const onHide = () => {
      if (document.visibilityState === 'hidden') flush();
    };
    window.addEventListener('pagehide', flush);
    document.addEventListener('visibilitychange', onHide);
    return () => {
      window.removeEventListener('pagehide', flush);
      document.removeEventListener('visibilitychange', onHide);
      flush();
    };
  }, [flush]);

  const message =
    status === 'saved'
      ? translate({id: 'notes.saved', message: 'Saved'})
      : status === 'memory-only'
        ? translate({
            id: 'notes.memoryOnly',
            message: 'Not saved: this browser refused to store it. The text stays here until you close the page; copy it somewhere safe.',
          })
        : status === 'too-long'
          ? translate(
              {
                id: 'notes.tooLong',
                message: 'Not saved: a note holds up to {max} characters and this one has {length}. Shorten it (or split it across days) and it saves again.',
              },
              {max: MAX_NOTE_LENGTH.toLocaleString('en'), length: (draft ?? '').length.toLocaleString('en')},
            )
          : status === 'newer-version'
            ? translate({
                id: 'notes.newerVersion',
                message: 'Not saved: a newer version of this site is open in another tab. Reload this page, then type the note again.',
              })
            : '';

  return (
    // The label is the field's box (the caller's too: a day's notes, an item's open note), holding the textarea and,
    // once the field is used, its status: one element where a box, a label and a status line were three.
    <label id={box.id} className={clsx(styles.noteField, box.className)} data-print={box.print}>
      {label}
      <textarea
        // The name begins with the label's words (Label in Name) and says what the note is on.
        aria-label={`${label} ${hiddenLabel}`}
        className={styles.textarea}
        rows={rows}
        value={draft ?? stored}
        spellCheck
        ref={textarea}
        onFocus={() => setUsed(true)}
        onChange={(event) => {
          const text = event.target.value;
          setDraft(text);
          pending.current = text;
          clearTimeout(timer.current);
          timer.current = setTimeout(flush, SAVE_DELAY_MS);
        }}
        onBlur={() => {
          // Text the store refused stays in the field, so the reader can shorten it rather than lose it.
          if (flush() !== 'too-long' && status !== 'too-long') setDraft(null);
        }}
        data-note-field={kind}
      />
      {/* A live region from the first focus on, before anything is saved, so what it says is announced; its room is
          kept meanwhile (styles.module.css), so nothing moves when it arrives. */}
      {(used || status !== 'idle') && (
        <span className={status === 'saved' || status === 'idle' ? styles.status : styles.problem} role="status">
          {message}
        </span>
      )}
    </label>
  );
}
