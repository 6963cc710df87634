import {createContext} from 'react';

/** Stands in for `@docusaurus/core/lib/client/browserContext`, which ships JSX for Docusaurus's bundler to compile. */
export const Context = createContext(false);
