import React, {createContext, useContext, type ReactNode} from 'react';
import OriginalLayout from '@theme-original/Layout';
import type {Props} from '@theme/Layout';

/** Set by pages whose own component renders no <main>, so the layout supplies one around their content. */
export const LayoutMainContext = createContext(false);

/**
 * The theme's layout, unchanged, except that it puts the page's content in a <main> landmark
 * when the page asks for one: screen reader users jump to it,
 * and no content is left outside a landmark.
 */
export default function Layout(props: Props): ReactNode {
  const needsMain = useContext(LayoutMainContext);
  if (!needsMain) return <OriginalLayout {...props} />;
  return (
    <OriginalLayout {...props}>
      <main>{props.children}</main>
    </OriginalLayout>
  );
}
