import {useEffect, useId, useRef, useState, type ReactNode} from 'react';
import Translate, {translate} from '@docusaurus/Translate';
import {getState, updateState, useStoredState, clearTicks, formatBackupTime, needsBackupReminder} from '@site/src/store';
import {lazyComponent, onDemand} from '@site/src/lib/onDemand';
import {syncIsOn} from '@site/src/sync/keys';
import styles from './styles.module.css';

// Export and import load their code (the file format, every plan's items) when used: plan pages carry only the buttons.
const transferActions = onDemand(() => import('./transfer'));
type TransferActions = typeof import('./transfer');

// The link, its compression and the QR code load only when the reader opens "Move my progress".
const MoveProgress = lazyComponent(() => import('@site/src/components/MoveProgress'));
// Sync's code loads only when it is on in this browser or the reader opens "Sync across devices".
const SyncPanel = lazyComponent(() => import('@site/src/components/SyncPanel'));

interface Props {
  /** With a plan, a "Reset" button for that plan's ticks is shown. */
  planId?: string;
  /** How the reset button names the plan: "this week" or "this plan". */
  scope?: 'week' | 'plan';
}

export type Message = {kind: 'status' | 'error'; text: string} | null;

const SAVE_PROBLEM: Record<string, string> = {
  'memory-only': translate({
    id: 'progress.tools.memoryOnly',
    message: 'This browser did not let the site store it, so it lasts only until you close this tab.',
  }),
  'newer-version': translate({
    id: 'progress.tools.newerVersion',
    message: 'A newer version of this site stored your progress in another tab; reload this page so nothing is overwritten.',
  }),
};

/** Export and import load their code when used (./transfer.ts); offline and never loaded, it may be missing. */
const NOT_LOADED = translate({
  id: 'progress.tools.notLoaded',
  message: 'This part of the site could not be loaded. Nothing was changed; try again when online.',
});

/** Reset a week's ticks (after a confirmation), and export or import all progress as a JSON file. */
export default function ProgressTools({planId, scope = 'week'}: Props): ReactNode {
  const planTickCount = useStoredState((state) => (planId ? Object.keys(state.progress[planId] ?? {}).length : 0));
  const [confirming, setConfirming] = useState(false);
  const [message, setMessage] = useState<Message>(null);
  const [moving, setMoving] = useState(false);
  const lastBackupAt = useStoredState((state) => state.lastBackupAt);
  const progress = useStoredState((state) => state.progress);
  const [now, setNow] = useState<number | null>(null);
  useEffect(() => {
    // Read after hydration: the server render shows no date-dependent text.
    // eslint-disable-next-line react-hooks/set-state-in-effect
    setNow(Date.now());
  }, [progress, lastBackupAt]);
  const remind = now !== null && needsBackupReminder(progress, lastBackupAt, now);
  const movePanelId = useId();
  const syncPanelId = useId();
  const [syncOpen, setSyncOpen] = useState(false);
  const [syncOn, setSyncOn] = useState(false);
  useEffect(() => {
    // Read after hydration: the server render knows nothing of this browser.
    // eslint-disable-next-line react-hooks/set-state-in-effect
    setSyncOn(syncIsOn());
  }, []);
  const fileInput = useRef<HTMLInputElement>(null);
  const resetButton = useRef<HTMLButtonElement>(null);
  const confirmButton = useRef<HTMLButtonElement>(null);
  const returnFocus = useRef(false);

  useEffect(() => {
    if (confirming) confirmButton.current?.focus();
    else if (returnFocus.current) {
      returnFocus.current = false;
      resetButton.current?.focus();
    }
  }, [confirming]);

  const scopeName =
    scope === 'week' ? translate({id: 'progress.tools.thisWeek', message: 'this week'}) : translate({id: 'progress.tools.thisPlan', message: 'this plan'});

  const reset = () => {
    if (!planId) return;
    const removed = Object.keys(getState().progress[planId] ?? {}).length;
    const outcome = updateState((state) => ({...state, progress: clearTicks(state.progress, planId)}));
    returnFocus.current = true;
    setConfirming(false);
    const text = translate({id: 'progress.tools.resetDone', message: 'Reset {scope}: {count} ticks removed.'}, {scope: scopeName, count: removed});
    setMessage({kind: 'status', text: SAVE_PROBLEM[outcome] ? `${text} ${SAVE_PROBLEM[outcome]}` : text});
  };

  const transfer = async (run: (actions: TransferActions) => Promise<Message> | Message) => {
    let actions: TransferActions;
    try {
      actions = await transferActions.get();
    } catch {
      setMessage({kind: 'error', text: NOT_LOADED});
      return;
    }
    setMessage(await run(actions));
  };
  const download = () => transfer((actions) => actions.exportAll());
  const importFile = (file: File) => transfer((actions) => actions.importAll(file, SAVE_PROBLEM));

  return (
    <div className={styles.tools} data-print="hide">
      <div className={styles.buttons} role="group" aria-label={translate({id: 'progress.tools.label', message: 'Progress tools'})}>
        {planId && !confirming && (
          <button
            ref={resetButton}
            type="button"
            className="button button--sm button--outline button--secondary"
            disabled={planTickCount === 0}
            onClick={() => {
              setMessage(null);
              setConfirming(true);
            }}>
            {scope === 'week' ? (
              <Translate id="progress.tools.resetWeek">Reset this week</Translate>
            ) : (
              <Translate id="progress.tools.resetPlan">Reset this plan</Translate>
            )}
          </button>
        )}
        {planId && confirming && (
          <span className={styles.confirm} role="group" aria-label={translate({id: 'progress.tools.confirmLabel', message: 'Confirm reset'})}>
            <span>{translate({id: 'progress.tools.confirm', message: 'Untick all {count} items of {scope}?'}, {count: planTickCount, scope: scopeName})}</span>
            <button ref={confirmButton} type="button" className="button button--sm button--danger" onClick={reset}>
              <Translate id="progress.tools.confirmYes">Yes, reset</Translate>
            </button>
            <button
              type="button"
              className="button button--sm button--secondary"
              onClick={() => {
                returnFocus.current = true;
                setConfirming(false);
              }}>
              <Translate id="progress.tools.confirmNo">Cancel</Translate>
            </button>
          </span>
        )}
        <button type="button" className="button button--sm button--outline button--secondary" onClick={() => void download()}>
          <Translate id="progress.tools.export">Export progress</Translate>
        </button>
        <button type="button" className="button button--sm button--outline button--secondary" onClick={() => fileInput.current?.click()}>
          <Translate id="progress.tools.import">Import progress</Translate>
        </button>
        <button
          type="button"
          className="button button--sm button--outline button--secondary"
          aria-expanded={moving}
          aria-controls={movePanelId}
          onClick={() => setMoving((open) => !open)}>
          <Translate id="progress.tools.move">Move my progress</Translate>
        </button>
        <button
          type="button"
          className="button button--sm button--outline button--secondary"
          aria-expanded={syncOpen}
          aria-controls={syncPanelId}
          onClick={() => setSyncOpen((open) => !open)}>
          <Translate id="progress.tools.sync">Sync across devices</Translate>
        </button>
        <input
          ref={fileInput}
          type="file"
          accept="application/json,.json"
          className={styles.fileInput}
          tabIndex={-1}
          aria-label={translate({id: 'progress.tools.importFile', message: 'Progress file to import'})}
          data-progress-import
          onChange={(event) => {
            const file = event.currentTarget.files?.[0];
            // Cleared so choosing the same file again still fires a change.
            event.currentTarget.value = '';
            if (file) void importFile(file);
          }}
        />
      </div>
      {now !== null && (lastBackupAt !== null || remind) && (
        <p className={remind ? styles.reminder : styles.backup} data-backup-status>
          {lastBackupAt !== null && translate({id: 'progress.tools.lastBackup', message: 'Last backup: {time}.'}, {time: formatBackupTime(lastBackupAt)})}{' '}
          {remind &&
            translate({
              id: 'progress.tools.backupReminder',
              message: 'Your ticks of the last two weeks or more are only in this browser: export them or make a link to keep a copy.',
            })}
        </p>
      )}
      <div id={movePanelId}>{moving && <MoveProgress />}</div>
      <div id={syncPanelId}>{(syncOn || syncOpen) && <SyncPanel open={syncOpen} />}</div>
      {/* Both regions always exist: a live region added together with its text is often not announced. */}
      <p className={styles.status} role="status">
        {message?.kind === 'status' ? message.text : ''}
      </p>
      <p className={styles.error} role="alert">
        {message?.kind === 'error' ? message.text : ''}
      </p>
    </div>
  );
}
