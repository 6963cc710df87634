import {useEffect, useId, useRef, useState, useSyncExternalStore, type FormEvent, type ReactNode} from 'react';
import {connect, createNewGist, stopSync, subscribeSync, syncNow, syncView, type SyncView} from '@site/src/sync/browser';
import {describeSyncStatus} from '@site/src/sync/status';
import {CLASSIC_TOKEN_PAGE, FINE_GRAINED_TOKEN_PAGE} from '@site/src/sync/token';
import styles from './styles.module.css';

interface Props {
  /** The learner opened "Sync across devices": show the setup, or the controls when sync is on. */
  open: boolean;
}

const SERVER_VIEW: SyncView = {on: false, status: null};

/** The status line ticks over ("Synced 2 minutes ago") this often while sync is on. */
const REFRESH_MS = 30_000;

function useNow(active: boolean): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (!active) return undefined;
    const timer = setInterval(() => setNow(Date.now()), REFRESH_MS);
    return () => clearInterval(timer);
  }, [active]);
  return now;
}

/** The setup: which token to make, where, and a field to paste it. */
function SyncSetup({onStarted}: {onStarted: (note: string | null) => void}): ReactNode {
  const inputId = useId();
  const helpId = useId();
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);
  const input = useRef<HTMLInputElement>(null);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError('');
    const result = await connect(input.current?.value ?? '');
    setBusy(false);
    if (result.ok) {
      if (input.current) input.current.value = '';
      onStarted(result.note);
    } else {
      setError(result.error);
      input.current?.focus();
    }
  };

  return (
    <form className={styles.setup} onSubmit={(event) => void submit(event)} aria-label="Set up sync">
      <p className={styles.explain}>
        Your progress can sync between your browsers by itself, through a secret gist in your own GitHub account. This site stores nothing and has no server:
        your browser talks to GitHub directly.
      </p>
      <p className={styles.explain}>Make a GitHub token that can do nothing but gists, either:</p>
      <ul className={styles.explain}>
        <li>
          a <a href={FINE_GRAINED_TOKEN_PAGE}>fine-grained token</a>: under “Account permissions”, set <strong>Gists</strong> to <strong>Read and write</strong>{' '}
          and leave every other permission at “No access” (repository access: the read-only “Public repositories”, the least it allows); or
        </li>
        <li>
          a <a href={CLASSIC_TOKEN_PAGE}>classic token</a> with <strong>only the gist scope</strong> ticked. A classic token with any other scope is refused.
        </li>
      </ul>
      <p className={styles.explain} id={helpId}>
        The token is kept only in this browser and sent only to GitHub’s API. A secret gist is unlisted, not private: anyone with its address can read it, and
        GitHub keeps every version of it, deleted notes included.
      </p>
      <label htmlFor={inputId} className={styles.label}>
        GitHub token
      </label>
      <input
        ref={input}
        id={inputId}
        className={styles.token}
        type="password"
        autoComplete="off"
        spellCheck={false}
        aria-describedby={helpId}
        aria-invalid={error ? true : undefined}
        data-sync-token
      />
      <div className={styles.buttons}>
        <button type="submit" className="button button--sm button--primary" disabled={busy}>
          {busy ? 'Checking the token…' : 'Start syncing'}
        </button>
      </div>
      <p className={styles.error} role="alert">
        {error}
      </p>
    </form>
  );
}

/** "Stop syncing", with the offer to delete the gist. */
function StopSync(): ReactNode {
  const [confirming, setConfirming] = useState(false);
  const [deleteGist, setDeleteGist] = useState(false);
  const [error, setError] = useState('');
  const checkboxId = useId();
  const confirmButton = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (confirming) confirmButton.current?.focus();
  }, [confirming]);

  if (!confirming) {
    return (
      <button type="button" className="button button--sm button--outline button--secondary" onClick={() => setConfirming(true)}>
        Stop syncing
      </button>
    );
  }
  return (
    <div className={styles.confirm} role="group" aria-label="Stop syncing">
      <p className={styles.explain}>This browser forgets the token. Your progress here stays.</p>
      <span className={styles.check}>
        <input id={checkboxId} type="checkbox" checked={deleteGist} onChange={(event) => setDeleteGist(event.currentTarget.checked)} />
        <label htmlFor={checkboxId}>Also delete the gist on GitHub (other devices then stop syncing too)</label>
      </span>
      <div className={styles.buttons}>
        <button
          ref={confirmButton}
          type="button"
          className="button button--sm button--danger"
          onClick={() => {
            void stopSync(deleteGist).then((result) => setError(result.ok ? '' : result.error));
          }}>
          Stop syncing
        </button>
        <button type="button" className="button button--sm button--secondary" onClick={() => setConfirming(false)}>
          Cancel
        </button>
      </div>
      <p className={styles.error} role="alert">
        {error}
      </p>
    </div>
  );
}

/** "Sync across devices": the setup while sync is off, and the status (with what to do about a problem) while it is on. */
export default function SyncPanel({open}: Props): ReactNode {
  const view = useSyncExternalStore(subscribeSync, syncView, () => SERVER_VIEW);
  const now = useNow(view.on);
  const [note, setNote] = useState<string | null>(null);
  const [replacingToken, setReplacingToken] = useState(false);

  if (!view.on) {
    return open ? (
      <section className={styles.panel} aria-label="Sync across devices" data-sync-panel>
        <SyncSetup onStarted={setNote} />
      </section>
    ) : null;
  }
  const words = view.status ? describeSyncStatus(view.status, now) : null;
  return (
    <section className={styles.panel} aria-label="Sync across devices" data-sync-panel>
      {/* Both regions always exist: a live region added together with its text is often not announced. */}
      <p className={styles.status} role="status" data-sync-status>
        {words && !words.isError ? words.text : ''}
      </p>
      <p className={styles.error} role="alert" data-sync-error>
        {words?.isError ? words.text : ''}
      </p>
      {note && <p className={styles.explain}>{note}</p>}
      {words?.action === 'create-gist' && (
        <div className={styles.buttons}>
          <button type="button" className="button button--sm button--primary" onClick={createNewGist}>
            Create a new gist
          </button>
        </div>
      )}
      {words?.action === 'reload' && (
        <div className={styles.buttons}>
          <button type="button" className="button button--sm button--primary" onClick={() => window.location.reload()}>
            Reload
          </button>
        </div>
      )}
      {(words?.action === 'new-token' || replacingToken) && (
        <SyncSetup
          onStarted={(started) => {
            setReplacingToken(false);
            setNote(started);
          }}
        />
      )}
      {open && (
        <div className={styles.buttons}>
          <button type="button" className="button button--sm button--outline button--secondary" onClick={syncNow}>
            Sync now
          </button>
          {words?.action !== 'new-token' && !replacingToken && (
            <button type="button" className="button button--sm button--outline button--secondary" onClick={() => setReplacingToken(true)}>
              Use another token
            </button>
          )}
          <StopSync />
        </div>
      )}
    </section>
  );
}
