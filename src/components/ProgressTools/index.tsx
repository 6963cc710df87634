import {Suspense, lazy, useEffect, useId, useRef, useState, type ReactNode} from 'react';
import Translate, {translate} from '@docusaurus/Translate';
import {getState, updateState, useStoredState} from '@site/src/store';
import {clearTicks} from '@site/src/store/ticks';
import type {KnownItems} from '@site/src/store/progress';
import {MAX_DETACHED} from '@site/src/store/stamps';
import {saveProgressExport} from '@site/src/lib/files';
import {formatBackupTime, needsBackupReminder} from '@site/src/store/backup';
import {planItemIds} from '@site/plugins/plan-data/data';
import styles from './styles.module.css';

// The link, its compression and the QR code load only when the reader opens "Move my progress".
const MoveProgress = lazy(() => import('@site/src/components/MoveProgress'));

interface Props {
  /** With a plan, a "Reset" button for that plan's ticks is shown. */
  planId?: string;
  /** How the reset button names the plan: "this week" or "this plan". */
  scope?: 'week' | 'plan';
}

type Message = {kind: 'status' | 'error'; text: string} | null;

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

  const download = () => {
    const file = saveProgressExport();
    setMessage({kind: 'status', text: translate({id: 'progress.tools.exported', message: 'Exported all progress, notes and review marks to {file}.'}, {file})});
  };

  const importFile = async (file: File) => {
    let text: string;
    try {
      text = await file.text();
    } catch {
      setMessage({kind: 'error', text: translate({id: 'progress.tools.unreadable', message: 'The file could not be read. Nothing was changed.'})});
      return;
    }
    // Every plan's items, loaded now rather than with the page: a plan page does not carry the other plans; the import
    // code too loads only when a reader uses it.
    const [planData, transfer] = await Promise.all([
      import('@site/src/hooks/usePlanModels').then(
        ({loadPlanSummaries}) => loadPlanSummaries(),
        () => null,
      ),
      import('@site/src/store/progress').catch(() => null),
    ]);
    if (!planData || !transfer) {
      setMessage({
        kind: 'error',
        text: translate({id: 'progress.tools.noPlanList', message: 'The list of plans could not be loaded. Nothing was changed; try again when online.'}),
      });
      return;
    }
    const known: KnownItems = new Map(planData.plans.map((plan) => [plan.id, new Set(planItemIds(plan))]));
    // Merged into the state as it is now, so a tick made in another tab meanwhile is kept.
    const state = getState();
    const {importProgress, describeImport} = transfer;
    const result = importProgress(text, state.progress, known, {
      follows: state.follows,
      dayNotes: state.dayNotes,
      itemNotes: state.itemNotes,
      review: state.review,
      stamps: state.stamps,
    });
    if (!result.ok) {
      setMessage({kind: 'error', text: translate({id: 'progress.tools.importFailed', message: 'Import failed: {reason}'}, {reason: result.error})});
      return;
    }
    const outcome = updateState((latest) => ({
      ...latest,
      progress: result.progress,
      follows: result.follows,
      ...result.notes,
      review: result.review,
      stamps: result.stamps,
      detached: [...latest.detached, ...result.detached].slice(-MAX_DETACHED),
    }));
    const summary = describeImport(result.report);
    setMessage({kind: 'status', text: SAVE_PROBLEM[outcome] ? `${summary} ${SAVE_PROBLEM[outcome]}` : summary});
  };

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
        <button type="button" className="button button--sm button--outline button--secondary" onClick={download}>
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
      <div id={movePanelId}>
        {moving && (
          <Suspense fallback={null}>
            <MoveProgress />
          </Suspense>
        )}
      </div>
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
