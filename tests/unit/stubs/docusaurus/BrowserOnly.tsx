import type {ReactNode} from 'react';

type Props = {children?: () => ReactNode; fallback?: ReactNode};

/** Renders children only where a DOM exists, the fallback during a server render. */
export default function BrowserOnly({children, fallback}: Props): ReactNode {
  if (typeof window === 'undefined' || !children) return fallback ?? null;
  return children();
}
