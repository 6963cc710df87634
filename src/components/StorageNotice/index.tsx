import {useEffect, useState, useSyncExternalStore, type ReactNode} from 'react';
import {translate} from '@docusaurus/Translate';
import clsx from 'clsx';
import {
  NO_PERSISTENCE_PROBLEM,
  getPersistenceStatus,
  inspectStoredData,
  subscribePersistence,
  type DamagedData,
  type PersistenceStatus,
  type WriteProblem,
} from '@site/src/store';
import {saveProgressExport, saveTextFile} from '@site/src/lib/files';
import styles from './styles.module.css';

/** What a notice is about; each is shown once per visit, until dismissed. */
type NoticeCause = WriteProblem | 'saved-again' | 'damaged';

interface Notice {
  cause: NoticeCause;
  tone: 'problem' | 'saved';
  /** Short name for the dismiss button's label. */
  name: string;
  title: string;
  text: string;
  action?: {label: string; run: () => void};
}

const exportAction = () => ({
  label: translate({id: 'storage.notice.export', message: 'Export progress now'}),
  run: () => {
    saveProgressExport();
  },
});

const LAST_UNTIL_CLOSED = translate({
  id: 'storage.notice.lastsUntilClosed',
  message: 'Ticks, timers and choices made now last until you close this tab.',
});

function problemNotice(problem: WriteProblem): Notice {
  switch (problem) {
    case 'storage-full':
      return {
        cause: problem,
        tone: 'problem',
        name: translate({id: 'storage.notice.full.name', message: 'storage full'}),
        title: translate({id: 'storage.notice.full.title', message: 'Not saved: this browser’s storage for this site is full.'}),
        text: `${LAST_UNTIL_CLOSED} ${translate({
          id: 'storage.notice.full.todo',
          message:
            'Free some space (for example by clearing data other sites keep in this browser) and your next change is saved, or export your progress now.',
        })}`,
        action: exportAction(),
      };
    case 'storage-blocked':
      return {
        cause: problem,
        tone: 'problem',
        name: translate({id: 'storage.notice.blocked.name', message: 'storage blocked'}),
        title: translate({id: 'storage.notice.blocked.title', message: 'Not saved: this browser does not let this site store data.'}),
        text: `${LAST_UNTIL_CLOSED} ${translate({
          id: 'storage.notice.blocked.todo',
          message:
            'Private browsing or blocked site data does this. Allow this site to store data and reload, or export your progress before you close the tab.',
        })}`,
        action: exportAction(),
      };
    case 'newer-version':
      return {
        cause: problem,
        tone: 'problem',
        name: translate({id: 'storage.notice.newer.name', message: 'newer version'}),
        title: translate({id: 'storage.notice.newer.title', message: 'Not saved: a newer version of this site stored your progress, in another tab.'}),
        text: `${LAST_UNTIL_CLOSED} ${translate({
          id: 'storage.notice.newer.todo',
          message: 'This page does not overwrite what the newer version saved. Reload to use the newer version.',
        })}`,
        action: {label: translate({id: 'storage.notice.reload', message: 'Reload'}), run: () => window.location.reload()},
      };
  }
}

function damagedNotice({raw, backupKey, report}: DamagedData): Notice {
  const parts: string[] = [];
  if (report.condition === 'unreadable') {
    parts.push(
      translate({id: 'storage.notice.damaged.unreadable', message: 'The progress stored in this browser was cut off or damaged, so it could not all be read.'}),
    );
    parts.push(
      report.recoveredTicks > 0
        ? report.recoveredTicks === 1
          ? translate({id: 'storage.notice.damaged.recoveredOne', message: '1 tick was recovered from it.'})
          : translate({id: 'storage.notice.damaged.recoveredMany', message: '{count} ticks were recovered from it.'}, {count: report.recoveredTicks})
        : translate({id: 'storage.notice.damaged.noneRecovered', message: 'No ticks could be recovered from it.'}),
    );
  } else if (report.condition === 'foreign') {
    parts.push(
      translate({
        id: 'storage.notice.damaged.foreign',
        message: 'The data stored under this site’s name was not written by this site, so it could not be read.',
      }),
    );
  } else {
    if (report.droppedTicks > 0) {
      parts.push(
        report.droppedTicks === 1
          ? translate({id: 'storage.notice.damaged.droppedTickOne', message: '1 stored tick could not be read and is not shown.'})
          : translate(
              {id: 'storage.notice.damaged.droppedTicksMany', message: '{count} stored ticks could not be read and are not shown.'},
              {count: report.droppedTicks},
            ),
      );
    }
    if (report.droppedTimers > 0) {
      parts.push(
        report.droppedTimers === 1
          ? translate({
              id: 'storage.notice.damaged.droppedTimerOne',
              message: '1 stored timer had impossible times (negative, longer than a day, or starting in the future) and is not shown.',
            })
          : translate(
              {
                id: 'storage.notice.damaged.droppedTimersMany',
                message: '{count} stored timers had impossible times (negative, longer than a day, or starting in the future) and are not shown.',
              },
              {count: report.droppedTimers},
            ),
      );
    }
  }
  parts.push(
    backupKey
      ? translate(
          {
            id: 'storage.notice.damaged.kept',
            message: 'A copy of the data as it was found is kept in this browser (under “{key}”); download it to keep it safe.',
          },
          {key: backupKey},
        )
      : translate({id: 'storage.notice.damaged.notKept', message: 'A copy could not be kept in this browser, so download it before you close this tab.'}),
  );
  return {
    cause: 'damaged',
    tone: 'problem',
    name: translate({id: 'storage.notice.damaged.name', message: 'damaged data'}),
    title: translate({id: 'storage.notice.damaged.title', message: 'Some saved data could not be read.'}),
    text: parts.join(' '),
    action: {
      label: translate({id: 'storage.notice.damaged.download', message: 'Download the damaged data'}),
      run: () => saveTextFile(`go-study-plans-damaged-data-${new Date().toISOString().slice(0, 10)}.txt`, raw, 'text/plain'),
    },
  };
}

function noticesFor(status: PersistenceStatus): Notice[] {
  const notices: Notice[] = [];
  if (status.damaged) notices.push(damagedNotice(status.damaged));
  if (status.problem) notices.push(problemNotice(status.problem));
  if (status.savedAgainAfter) {
    notices.push({
      cause: 'saved-again',
      tone: 'saved',
      name: translate({id: 'storage.notice.saved.name', message: 'saved again'}),
      title: translate({id: 'storage.notice.saved.title', message: 'Saved again:'}),
      text: translate({id: 'storage.notice.saved.text', message: 'your progress, including the changes saving had missed, is stored in this browser again.'}),
    });
  }
  return notices;
}

/**
 * The one site-wide place that says when something the reader did was not saved, or when
 * saved data could not be read: what happened, what it means, what to do. Rendered from
 * Root; it shows nothing until the page has hydrated.
 */
export default function StorageNotice(): ReactNode {
  const status = useSyncExternalStore(subscribePersistence, getPersistenceStatus, () => NO_PERSISTENCE_PROBLEM);
  const [dismissed, setDismissed] = useState<readonly NoticeCause[]>([]);
  useEffect(() => inspectStoredData(), []);

  const notices = noticesFor(status).filter((notice) => !dismissed.includes(notice.cause));
  return (
    // Always present and only filled later: a live region inserted together with its text is often not announced.
    <div className={styles.notices} role="status" aria-atomic="false" data-print="hide" data-storage-notice>
      {notices.map((notice) => (
        <div
          key={notice.cause}
          className={clsx(styles.notice, notice.tone === 'saved' ? styles.saved : styles.problem)}
          data-storage-notice-cause={notice.cause}>
          <p className={styles.message}>
            <strong>{notice.title}</strong> {notice.text}
          </p>
          <div className={styles.actions}>
            {notice.action && (
              <button type="button" className={clsx('button button--sm button--secondary', styles.button)} onClick={notice.action.run}>
                {notice.action.label}
              </button>
            )}
            <button
              type="button"
              className={clsx('button button--sm button--secondary', styles.button)}
              aria-label={translate({id: 'storage.notice.dismissLabel', message: 'Dismiss the {name} notice'}, {name: notice.name})}
              onClick={() => setDismissed((causes) => [...causes, notice.cause])}>
              {translate({id: 'storage.notice.dismiss', message: 'Dismiss'})}
            </button>
          </div>
        </div>
      ))}
    </div>
  );
}
