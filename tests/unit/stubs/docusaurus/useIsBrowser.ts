import {useContext} from 'react';
import {Context as BrowserContext} from '@docusaurus/core/lib/client/browserContext';

/**
 * Docusaurus's `useIsBrowser` reads its browser context, false while the page hydrates. A DOM must exist too: jsdom tests
 * count as the browser, node tests as the server render.
 */
export default function useIsBrowser(): boolean {
  const hydrated = useContext(BrowserContext);
  return hydrated && typeof window !== 'undefined';
}
