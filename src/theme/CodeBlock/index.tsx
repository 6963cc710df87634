import React, {lazy, Suspense, type ReactNode} from 'react';
import type {Props} from '@theme/CodeBlock';
import styles from './styles.module.css';

/** The theme's code block with Prism, in a chunk that only pages with code blocks download. */
const HighlightedCodeBlock = lazy(() => import(/* webpackChunkName: "code-block" */ './HighlightedCodeBlock'));

/**
 * Wraps the theme's code block so Prism is not part of every page's JavaScript
 * (see plugins/bundle-shaping). The server waits for the highlighter, but React streams a
 * boundary this large after its fallback, with an inline script that swaps the highlighted
 * code in while the page is parsed. So with JavaScript the code shows highlighted from the
 * first paint; without it, the plain fallback shows; after a client-side navigation the
 * plain code shows until the chunk arrives.
 */
export default function CodeBlock(props: Props): ReactNode {
  return (
    <Suspense
      fallback={
        <pre className={styles.plain}>
          <code>{props.children}</code>
        </pre>
      }>
      <HighlightedCodeBlock {...props} />
    </Suspense>
  );
}
