/**
 * The store's one public entry: everything outside src/store reads and changes what a learner keeps through this
 * module (the lint refuses imports of the modules behind it). How the store is built inside: ./README.md.
 *
 * The modules named here have no effects of their own when loaded, so a chunk carries only what it uses: a plan page
 * gets ticks and notes, while merging and the link's encoding stay in the chunks that load when the learner moves
 * progress. The one exception is the page's own watch (src/theme/Root.tsx loads ./pageWatch.ts after hydration),
 * which imports ./state.ts directly to keep the entry bundle small.
 */

// The state itself: read, change, subscribe, and what happened to the last write.
export {
  BACKUP_KEY_PREFIX,
  DEFAULT_STATE,
  NO_PERSISTENCE_PROBLEM,
  STORAGE_KEY,
  getPersistenceStatus,
  getState,
  inspectStoredData,
  mergeTravellingDocument,
  reconcileEachWrite,
  resetStoreForTests,
  subscribe,
  subscribePersistence,
  travellingDocument,
  updateState,
  useStoredState,
} from './state';
export type {DamagedData, DecodeReport, LastVisit, PersistenceStatus, StoredState, TimerRecord, UpdateOptions, WriteOutcome, WriteProblem} from './state';
export {MAX_FOLLOWS, MAX_TIMER_RUNS, isLocalDate} from './schema';
export type {FollowedPlan, TimerRun} from './schema';

// Ticks.
export {clearTicks, countTicked, setTick} from './progress';

// Day and item notes.
export {MAX_NOTE_LENGTH, countDayNotes, noteOf} from './notes';
export type {NoteKind, NoteMap} from './notes';
export {saveNote} from './saveNote';
export type {NoteSaveOutcome} from './saveNote';

// "Review later" marks and their schedule.
export {dueAt, dueToday, endOfDay, isMarked, setReviewCard, setReviewMark} from './review';
export type {ReviewCard, ReviewMark} from './review';

// Block timers.
export {
  autoAdvance,
  extendTimer,
  formatClock,
  nextTimerSpec,
  pauseTimer,
  remainingMs,
  resetTimer,
  settleFinished,
  startTimer,
  timerKey,
  timerStatus,
} from './timers';
export type {TimedItem, TimerSpec, TimerStatus} from './timers';

// Records and plan edits: re-keying, records set aside, plans no longer on the site.
export {countDetached, holdsRecords, reconcilePlan} from './records';
export {deleteDetached, reattach} from './detached';
export type {DetachedRecord} from './stamps';
export {forgetPlan, orphanedPlans} from './orphans';
export type {OrphanedPlan} from './orphans';
export {adoptPlan, chooseAdoptions} from './adopt';

// Backups, export files and "Move my progress" links (the merge loads with the code that uses these).
export {askToPersist, formatBackupTime, needsBackupReminder} from './backup';
export {EXPORT_VERSION, describeImport, exportFileName, exportProgress, extrasOf, importProgress, withImport} from './exchange';
export type {ImportReport, KnownItems} from './exchange';
export {encodeTransfer, linkTooLong, previewTransfer, readTransfer} from './transfer';
export type {TransferOffer} from './transfer';
