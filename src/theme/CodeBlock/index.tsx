import type {ReactNode} from 'react';
import type {Props} from '@theme/CodeBlock';
import {lazyComponent} from '@site/src/lib/onDemand';
import styles from './styles.module.css';

/** What shows until the highlighted block arrives, without JavaScript, or if its chunk cannot be loaded. */
function PlainCodeBlock(props: Props): ReactNode {
  return (
    <pre className={styles.plain}>
      <code>{props.children}</code>
    </pre>
  );
}

/**
 * Wraps the theme's code block so Prism is not part of every page's JavaScript
 * (see plugins/bundle-shaping). The server waits for the highlighter, but React streams a
 * boundary this large after its fallback, with an inline script that swaps the highlighted
 * code in while the page is parsed. So with JavaScript the code shows highlighted from the
 * first paint; without it, the plain fallback shows; after a client-side navigation the
 * plain code shows until the chunk arrives.
 */
const CodeBlock = lazyComponent<Props>(() => import(/* webpackChunkName: "code-block" */ './HighlightedCodeBlock'), PlainCodeBlock);

export default CodeBlock;
