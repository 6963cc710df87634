import {useEffect, useId, useState, type ReactNode} from 'react';
import Translate, {translate} from '@docusaurus/Translate';
import useDocusaurusContext from '@docusaurus/useDocusaurusContext';
import {updateState, useStoredState, encodeTransfer, linkTooLong} from '@site/src/store';
import {onDemand} from '@site/src/lib/onDemand';
import styles from './styles.module.css';

/** The QR encoder, loaded when a reader asks for the code. */
const qrEncoder = onDemand(() => import('qrcode'));

/** The link holds everything, so once it is copied or shown as a QR code it counts as a backup (as an export file does). */
const recordBackup = () => updateState((state) => ({...state, lastBackupAt: Date.now()}));

type QrCode = {kind: 'image'; src: string} | {kind: 'error'; text: string} | null;

/**
 * The most a QR code holds at the low error-correction level this one uses (L, version 40, byte mode): 2,953 bytes. A
 * phone camera reads level L from a screen well, and it holds the most. A longer link is said to be too long up front.
 */
export const QR_CAPACITY_BYTES = 2953;

const tooLongForQrCode = (link: string): boolean => new TextEncoder().encode(link).length > QR_CAPACITY_BYTES;

const qrTooLongText = (link: string): string =>
  translate(
    {
      id: 'progress.move.qrTooLong',
      message:
        'This link is {length} characters long, more than a QR code holds (about {capacity}). Copy the link and open it on your other device (send it by message or mail to yourself), or move a file: "Export progress" here, "Import progress" there.',
    },
    {length: link.length.toLocaleString('en'), capacity: QR_CAPACITY_BYTES.toLocaleString('en')},
  );

/**
 * "Move my progress": a link to this site whose fragment carries all an export file does (ticks, notes, "review later"
 * marks, followed plans, paused timers, the time log, set-aside records) and the 4h/6h choice, and the same link as a
 * QR code. A link too long to survive being sent is not made; the reader is told to move a file instead. Loaded only
 * when the reader opens it; the QR code library only when asked for.
 */
export default function MoveProgress(): ReactNode {
  const {siteConfig} = useDocusaurusContext();
  // Each part that travels on its own: a change of anything else (the backup time this panel itself records) must not
  // make the link again, which would take away a QR code just shown.
  const progress = useStoredState((state) => state.progress);
  const variant = useStoredState((state) => state.variant);
  const follows = useStoredState((state) => state.follows);
  const dayNotes = useStoredState((state) => state.dayNotes);
  const itemNotes = useStoredState((state) => state.itemNotes);
  const review = useStoredState((state) => state.review);
  const stamps = useStoredState((state) => state.stamps);
  const timers = useStoredState((state) => state.timers);
  const timerRuns = useStoredState((state) => state.timerRuns);
  const detached = useStoredState((state) => state.detached);
  // The versions, so an untick or a corrected note replaces the other device's older version instead of adding to it.
  const sync = useStoredState((state) => state.sync);
  const [link, setLink] = useState('');
  const [tooLong, setTooLong] = useState<string | null>(null);
  const [qrCode, setQrCode] = useState<QrCode>(null);
  const [status, setStatus] = useState('');
  const id = useId();

  useEffect(() => {
    let current = true;
    void encodeTransfer(progress, variant, {follows, dayNotes, itemNotes, review, stamps, timers, timerRuns, detached, sync}).then((fragment) => {
      if (!current) return;
      const made = new URL(`${siteConfig.baseUrl}#${fragment}`, window.location.origin).href;
      // Never a link that carries only part of it: no link at all, and why.
      const problem = linkTooLong(made);
      setTooLong(problem);
      setLink(problem ? '' : made);
      setQrCode(null);
    });
    return () => {
      current = false;
    };
  }, [progress, variant, follows, dayNotes, itemNotes, review, stamps, timers, timerRuns, detached, sync, siteConfig.baseUrl]);

  const copy = async () => {
    try {
      await navigator.clipboard.writeText(link);
      recordBackup();
      setStatus(translate({id: 'progress.move.copied', message: 'Link copied. Open it on your other device.'}));
    } catch {
      setStatus(translate({id: 'progress.move.copyFailed', message: 'This browser did not allow copying: select the link and copy it.'}));
    }
  };

  const showQrCode = async () => {
    try {
      const {toString} = await qrEncoder.get();
      const svg = await toString(link, {type: 'svg', errorCorrectionLevel: 'L', margin: 2});
      setQrCode({kind: 'image', src: `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`});
      recordBackup();
    } catch {
      // Offline before the encoder was ever loaded, or a link the encoder refused after all.
      setQrCode({
        kind: 'error',
        text: tooLongForQrCode(link)
          ? qrTooLongText(link)
          : translate({id: 'progress.move.qrFailed', message: 'The QR code could not be made here (the page may be offline); copy the link instead.'}),
      });
    }
  };
  const qrTooLong = link !== '' && tooLongForQrCode(link);

  return (
    <div className={styles.panel}>
      <p className={styles.explain}>
        <Translate id="progress.move.explain">
          Open this link on your other device: it shows what it would add, and merges only when you confirm. Your ticks, notes, review marks, followed plans and
          time log travel inside the link (after the #), never through a server. A running timer arrives paused.
        </Translate>
      </p>
      <label htmlFor={`${id}-link`} className={styles.label}>
        <Translate id="progress.move.linkLabel">Link to your progress</Translate>
      </label>
      <input id={`${id}-link`} className={styles.link} type="text" readOnly value={link} onFocus={(event) => event.currentTarget.select()} data-move-link />
      <div className={styles.buttons}>
        <button type="button" className="button button--sm button--primary" disabled={!link} onClick={() => void copy()}>
          <Translate id="progress.move.copy">Copy link</Translate>
        </button>
        <button
          type="button"
          className="button button--sm button--outline button--secondary"
          disabled={!link || qrTooLong || qrCode?.kind === 'image'}
          aria-describedby={qrTooLong ? `${id}-qr-too-long` : undefined}
          onClick={() => void showQrCode()}>
          <Translate id="progress.move.showQr">Show QR code</Translate>
        </button>
      </div>
      <p className={styles.status} role="status">
        {status}
      </p>
      <p className={styles.error} role="alert" data-move-too-long>
        {tooLong ?? ''}
      </p>
      {qrTooLong && (
        <p id={`${id}-qr-too-long`} className={styles.explain} data-qr-too-long>
          {qrTooLongText(link)}
        </p>
      )}
      {qrCode?.kind === 'image' && (
        <img
          className={styles.qrCode}
          src={qrCode.src}
          width={240}
          height={240}
          alt={translate({id: 'progress.move.qrAlt', message: 'QR code of the link to your progress: scan it with your phone’s camera'})}
        />
      )}
      {qrCode?.kind === 'error' && (
        <p className={styles.error} role="alert">
          {qrCode.text}
        </p>
      )}
    </div>
  );
}
