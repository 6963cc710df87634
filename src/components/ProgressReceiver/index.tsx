import {useEffect, useMemo, useRef, useState, type ReactNode} from 'react';
import Translate, {translate} from '@docusaurus/Translate';
import {planItemIds} from '@site/plugins/plan-data/data';
import {usePlanData} from '@site/src/hooks/usePlanData';
import {applyVariantToDocument} from '@site/src/hooks/useVariant';
import {
  getState,
  updateState,
  describeImport,
  extrasOf,
  withImport,
  type ImportReport,
  type KnownItems,
  previewTransfer,
  readTransfer,
  type TransferOffer,
} from '@site/src/store';
import utilities from '@site/src/css/utilities.module.css';
import styles from './styles.module.css';

interface Props {
  /** The URL fragment holding the progress (`#move=…`). */
  fragment: string;
  /** Called once the dialog is closed, whatever the outcome. */
  onClose: () => void;
}

type Step = {kind: 'reading'} | {kind: 'refused'; error: string} | {kind: 'offer'; offer: TransferOffer} | {kind: 'merged'; summary: string};

/**
 * Opened by a "Move my progress" link: shows what the link would change and merges only when the reader
 * confirms, by the import rules. A damaged or newer link changes nothing and says why.
 */
export default function ProgressReceiver({fragment, onClose}: Props): ReactNode {
  const {plans} = usePlanData();
  const known: KnownItems = useMemo(() => new Map(plans.map((plan) => [plan.id, new Set(planItemIds(plan))])), [plans]);
  const [step, setStep] = useState<Step>({kind: 'reading'});
  const dialogRef = useRef<HTMLDialogElement>(null);

  useEffect(() => {
    let current = true;
    void readTransfer(fragment).then((read) => {
      if (current) setStep(read.ok ? {kind: 'offer', offer: read.offer} : {kind: 'refused', error: read.error});
    });
    return () => {
      current = false;
    };
  }, [fragment]);

  useEffect(() => {
    const dialog = dialogRef.current;
    if (dialog && !dialog.open) dialog.showModal();
  }, []);

  // Computed against the state as it is now, so ticks made meanwhile in another tab are counted and kept.
  const currentState = getState();
  const {progress: currentProgress, variant: currentVariant} = currentState;
  const offer = step.kind === 'offer' ? step.offer : null;
  const preview = offer ? previewTransfer(offer, currentProgress, currentVariant, known, extrasOf(currentState)) : null;
  const additions = preview?.ok
    ? plans.flatMap((plan) => {
        const added = Object.keys(preview.progress[plan.id] ?? {}).filter((itemId) => !Object.hasOwn(currentProgress[plan.id] ?? {}, itemId)).length;
        return added > 0 ? [{id: plan.id, title: plan.kind === 'weekly' ? `Week ${plan.week} · ${plan.trackLabel}` : plan.title, added}] : [];
      })
    : [];

  const merge = () => {
    if (!offer || !preview?.ok) return;
    const outcome = updateState(
      (state) => {
        // Merged again into the state at this moment: the preview may be a few seconds old.
        const latest = previewTransfer(offer, state.progress, state.variant, known, extrasOf(state));
        return latest.ok ? {...withImport(state, latest), variant: latest.variant} : state;
        // The link brought its own versions: merging is not an edit made here.
      },
      {versions: 'keeps-versions'},
    );
    if (preview.variant) applyVariantToDocument(preview.variant);
    const summary = [describeImport(preview.report), preview.variantChanges ? variantSentence(preview.variant) : '', SAVE_PROBLEM[outcome] ?? '']
      .filter(Boolean)
      .join(' ');
    setStep({kind: 'merged', summary});
  };

  const close = () => dialogRef.current?.close();
  const titleId = 'progress-receiver-title';

  return (
    <dialog ref={dialogRef} className={utilities.modal} aria-labelledby={titleId} onClose={onClose} data-progress-receiver data-print="hide">
      <div className={utilities.modalContent}>
        <h2 id={titleId} className={utilities.modalTitle}>
          <Translate id="progress.receive.title">Progress from your other device</Translate>
        </h2>
        {step.kind === 'reading' && (
          <p role="status">
            <Translate id="progress.receive.reading">Reading the link…</Translate>
          </p>
        )}
        {step.kind === 'refused' && <p className={styles.error}>{step.error}</p>}
        {preview && !preview.ok && <p className={styles.error}>{preview.error}</p>}
        {preview?.ok && (
          <>
            <p>
              {preview.report.added === 0 &&
              preview.report.review.added === 0 &&
              preview.report.review.rescheduled === 0 &&
              !preview.variantChanges &&
              !alsoCarried(preview.report) &&
              !laterChanges(preview.report)
                ? translate({id: 'progress.receive.nothingNew', message: 'Everything in this link is already in this browser.'})
                : summarize(preview.report.added, preview.report.alreadyThere)}
              {preview.report.review.added + preview.report.review.rescheduled > 0 && ` ${reviewSentence(preview.report.review)}`}
            </p>
            {alsoCarried(preview.report) && <p data-progress-receiver-also>{alsoCarried(preview.report)}</p>}
            {laterChanges(preview.report) && <p data-progress-receiver-later>{laterChanges(preview.report)}</p>}
            {additions.length > 0 && (
              <ul className={styles.list}>
                {additions.map((plan) => (
                  <li key={plan.id}>
                    {plan.title}: {plan.added === 1 ? '1 tick' : `${plan.added} ticks`}
                  </li>
                ))}
              </ul>
            )}
            {preview.variantChanges && preview.variant && <p>{variantSentence(preview.variant)}</p>}
          </>
        )}
        {step.kind === 'merged' && <p role="status">{step.summary}</p>}
        <div className={styles.buttons}>
          {preview?.ok && (
            // eslint-disable-next-line jsx-a11y/no-autofocus -- the dialog opened by itself; its main action takes focus
            <button type="button" className="button button--primary" autoFocus onClick={merge}>
              <Translate id="progress.receive.merge">Merge progress</Translate>
            </button>
          )}
          <button type="button" className="button button--secondary" onClick={close}>
            {preview?.ok ? <Translate id="progress.receive.cancel">Cancel</Translate> : <Translate id="progress.receive.close">Close</Translate>}
          </button>
        </div>
      </div>
    </dialog>
  );
}

/** What a merge writes when storage refuses it: the reader must not take "Imported" for saved. */
const SAVE_PROBLEM: Partial<Record<string, string>> = {
  'memory-only': translate({
    id: 'progress.receive.memoryOnly',
    message: 'Not saved: this browser did not let the site store it, so it lasts only until you close this tab. Keep the link and open it again later.',
  }),
  'newer-version': translate({
    id: 'progress.receive.newerVersion',
    message: 'Not saved: a newer version of this site stored your progress in another tab. Reload this page, then open the link again.',
  }),
};

/** "1 note" or "{count} notes", each form its own translatable message. */
const counted = (count: number, id: string, one: string, many: string): string =>
  count === 1 ? translate({id: `${id}.one`, message: one}) : translate({id, message: many}, {count});

/** The rest of what merging adds besides ticks and marks (notes, followed plans, time, set-aside records), or ''. */
function alsoCarried(report: ImportReport): string {
  const notes = report.notes.added;
  const parts = [
    notes > 0 ? counted(notes, 'progress.receive.notes', '1 note', '{count} notes') : '',
    report.followsAdded > 0 ? counted(report.followsAdded, 'progress.receive.follows', '1 followed plan', '{count} followed plans') : '',
    report.runsAdded ? counted(report.runsAdded, 'progress.receive.runs', '1 timer run of the time log', '{count} timer runs of the time log') : '',
    report.timersAdded ? counted(report.timersAdded, 'progress.receive.timers', '1 paused timer', '{count} paused timers') : '',
    report.detachedAdded ? counted(report.detachedAdded, 'progress.receive.detached', '1 set-aside record', '{count} set-aside records') : '',
  ].filter(Boolean);
  return parts.length === 0 ? '' : translate({id: 'progress.receive.also', message: 'It also adds {parts}.'}, {parts: parts.join(', ')});
}

function summarize(added: number, already: number): string {
  const ticks =
    added === 1
      ? translate({id: 'progress.receive.oneTick', message: '1 tick'})
      : translate({id: 'progress.receive.ticks', message: '{count} ticks'}, {count: added});
  const here =
    already === 0 ? '' : ` ${translate({id: 'progress.receive.already', message: '{count} of the link’s ticks are already here.'}, {count: already})}`;
  return `${translate({id: 'progress.receive.adds', message: 'Merging adds {ticks}.'}, {ticks})}${here}`;
}

/** What the other device removed or changed after this one's version, which merging applies here too; or ''. */
function laterChanges(report: ImportReport): string {
  const removed = report.removed;
  const parts = [
    removed?.ticks ? counted(removed.ticks, 'progress.receive.removedTicks', 'unticks 1 item', 'unticks {count} items') : '',
    removed?.marks ? counted(removed.marks, 'progress.receive.removedMarks', 'removes 1 "review later" mark', 'removes {count} "review later" marks') : '',
    removed?.notes ? counted(removed.notes, 'progress.receive.removedNotes', 'clears 1 note', 'clears {count} notes') : '',
    removed?.follows ? counted(removed.follows, 'progress.receive.removedFollows', 'stops following 1 plan', 'stops following {count} plans') : '',
    removed?.setAside ? counted(removed.setAside, 'progress.receive.removedSetAside', 'deletes 1 set-aside record', 'deletes {count} set-aside records') : '',
    report.notes.extended
      ? counted(report.notes.extended, 'progress.receive.changedNotes', 'takes the newer text of 1 note', 'takes the newer text of {count} notes')
      : '',
    report.changed ? counted(report.changed, 'progress.receive.changed', 'takes 1 newer change', 'takes {count} newer changes') : '',
  ].filter(Boolean);
  const both = report.notes.keptBoth
    ? ` ${counted(report.notes.keptBoth, 'progress.receive.keptBoth', '1 note was changed on both devices: both texts are kept, one under the other.', '{count} notes were changed on both devices: both texts of each are kept, one under the other.')}`
    : '';
  if (parts.length === 0) return both.trim();
  return `${translate({id: 'progress.receive.later', message: 'Changed later on the other device, so merging {parts}.'}, {parts: parts.join(', ')})}${both}`;
}

function reviewSentence({added, rescheduled}: {added: number; rescheduled: number}): string {
  const parts = [
    added === 0
      ? ''
      : added === 1
        ? translate({id: 'progress.receive.oneMark', message: '1 "review later" mark is added.'})
        : translate({id: 'progress.receive.marks', message: '{count} "review later" marks are added.'}, {count: added}),
    rescheduled === 0
      ? ''
      : rescheduled === 1
        ? translate({id: 'progress.receive.oneSchedule', message: '1 review schedule comes from the link, where the item was reviewed later.'})
        : translate(
            {id: 'progress.receive.schedules', message: '{count} review schedules come from the link, where the items were reviewed later.'},
            {count: rescheduled},
          ),
  ];
  return parts.filter(Boolean).join(' ');
}

function variantSentence(variant: string | null): string {
  return variant === '6h'
    ? translate({id: 'progress.receive.variant6h', message: 'The 6-hour plan becomes your choice, as on the other device.'})
    : translate({id: 'progress.receive.variant4h', message: 'The 4-hour plan becomes your choice, as on the other device.'});
}
