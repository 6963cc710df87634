import {useState, type ReactNode} from 'react';
import {onDemand, useOnDemand} from '@site/src/lib/onDemand';
import {useStoredState} from '@site/src/store';
import {followButtonText} from './text';
import styles from './styles.module.css';

/**
 * What following needs (the followed state, Stop following, the dates, the form) loads once this plan is followed or
 * as the reader reaches for the button, so a plan page and the roadmap carry only the button. Loaded once per tab.
 */
const followControls = onDemand(() => import('./FollowControls'));

export const loadFollowControls = followControls.load;

const preload = (): void => void loadFollowControls();

interface Props {
  /** The plan whose page this is; on the roadmap, the guide's first week. */
  planId: string;
  /** On the roadmap: offer the 16-week guide only. */
  guide?: boolean;
}

/**
 * "Follow this plan" (see ./FollowControls.tsx). Until its controls have loaded, the button as the server renders it:
 * pressed, it loads them and the form opens.
 */
export default function FollowPlan({planId, guide = false}: Props): ReactNode {
  const followed = useStoredState((state) => !guide && state.follows.some((candidate) => candidate.planIds[0] === planId));
  const [pressed, setPressed] = useState(false);
  const controls = useOnDemand(followControls, followed || pressed);
  if (controls) return controls.renderFollowControls({planId, guide, openOnMount: pressed});
  return (
    <div className={styles.follow}>
      <button
        type="button"
        className="button button--sm button--outline button--primary"
        onClick={() => setPressed(true)}
        onPointerEnter={preload}
        onFocus={preload}
        aria-haspopup="dialog">
        {followButtonText(guide)}
      </button>
      <span role="status" className={styles.status} />
    </div>
  );
}
