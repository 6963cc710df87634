import {useCallback, useRef, useState, type ReactNode} from 'react';
import Link from '@docusaurus/Link';
import Translate, {translate} from '@docusaurus/Translate';
import {useFollowActions, useFollows} from '@site/src/hooks/useFollows';
import {useVariant} from '@site/src/hooks/useVariant';
import {formatDate, localDate} from '@site/src/schedule/dates';
import {lazyComponent} from '@site/src/lib/onDemand';
import {followButtonText} from './text';
import styles from './styles.module.css';

// The form loads when a reader opens it, so plan pages carry only the button.
const FollowDialog = lazyComponent(() => import('./FollowDialog'));

interface Props {
  /** The plan whose page this is; on the roadmap, the guide's first week. */
  planId: string;
  /** On the roadmap: offer the 16-week guide only. */
  guide?: boolean;
  /** The reader pressed "Follow this plan" before these controls had loaded: the form opens at once. */
  openOnMount?: boolean;
}

/** The controls as FollowPlan renders them once this module has loaded. */
export const renderFollowControls = (props: Props): ReactNode => <FollowControls {...props} />;

/**
 * "Follow this plan": a modal form (what to follow, start date, 4h/6h, study weekdays) that adds
 * the plan to the Today page; once followed, "Stop following" (ticks are kept).
 */
function FollowControls({planId, guide = false, openOnMount = false}: Props): ReactNode {
  const follows = useFollows();
  const {stop} = useFollowActions();
  const [siteVariant] = useVariant();
  // Only ever true after a click, never while hydrating: reading the date here cannot differ from the server's HTML.
  const [openedOn, setOpenedOn] = useState<string | null>(() => (openOnMount ? localDate(Date.now()) : null));
  const [status, setStatus] = useState('');
  const triggerRef = useRef<HTMLButtonElement>(null);
  const following = guide ? undefined : follows.find((candidate) => candidate.planIds[0] === planId);

  // The default start date is read on open, never during render, so server and client HTML agree.
  const open = useCallback(() => setOpenedOn(localDate(Date.now())), []);
  const onClose = useCallback((startedOn: string | null) => {
    setOpenedOn(null);
    if (startedOn) setStatus(translate({id: 'follow.status.following', message: 'Following from {date}.'}, {date: formatDate(startedOn)}));
    triggerRef.current?.focus();
  }, []);

  const buttonText = followButtonText(guide);

  return (
    <div className={styles.follow}>
      {following ? (
        <>
          <span className={styles.following}>
            {translate({id: 'follow.following', message: 'You follow this plan from {date}.'}, {date: formatDate(following.start)})}
          </span>
          <Link className="button button--sm button--primary" to="/today">
            <Translate id="follow.today">Today</Translate>
          </Link>
          <button
            type="button"
            className="button button--sm button--outline button--secondary"
            onClick={() => {
              stop(following.id);
              setStatus(translate({id: 'follow.status.stopped', message: 'Stopped following. Your ticks are kept.'}));
            }}>
            <Translate id="follow.stop">Stop following</Translate>
          </button>
        </>
      ) : (
        <button ref={triggerRef} type="button" className="button button--sm button--outline button--primary" onClick={open} aria-haspopup="dialog">
          {buttonText}
        </button>
      )}
      <span role="status" className={styles.status}>
        {status}
      </span>
      {openedOn !== null && <FollowDialog planId={planId} guide={guide} title={buttonText} start={openedOn} siteVariant={siteVariant} onClose={onClose} />}
    </div>
  );
}
