import type {ReactNode} from 'react';

/** Page chrome is the theme's business; component tests only see the page body. */
export default function Layout({children}: {children?: ReactNode; title?: string; description?: string}): ReactNode {
  return <div data-testid="layout">{children}</div>;
}
