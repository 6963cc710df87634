import {createContext} from 'react';

/**
 * Stands in for `@docusaurus/core/lib/client/browserContext`, which ships JSX for Docusaurus's bundler to compile.
 * True by default: a component test renders as the browser does once the page has hydrated (a render in jsdom is the
 * browser's own). A test of hydration provides `false` around the page while it hydrates, as Docusaurus's
 * `BrowserContextProvider` does.
 */
export const Context = createContext(true);
