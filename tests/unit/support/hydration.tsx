import type {ReactNode} from 'react';
import {act} from '@testing-library/react';
import {hydrateRoot, type Root} from 'react-dom/client';
import {renderToString} from 'react-dom/server';
import {Context as BrowserContext} from '@docusaurus/core/lib/client/browserContext';

export interface HydratedPage {
  root: Root;
  /** Hydration warnings and errors React reported (recoverable errors and `console.error`). */
  errors: unknown[];
  /** What Docusaurus's `BrowserContextProvider` does in its first effect: says the page has hydrated. */
  finishHydrating(): Promise<void>;
}

/**
 * Hydrates `tree` over `container`'s server HTML as Docusaurus does: inside its browser context, which says the page is
 * hydrating (`useIsBrowser` false) until the test calls `finishHydrating`, as Docusaurus's provider flips it right
 * after hydration.
 */
export async function hydrateAsDocusaurus(container: HTMLElement, tree: ReactNode): Promise<HydratedPage> {
  const errors: unknown[] = [];
  const spy = vi.spyOn(console, 'error').mockImplementation((...args) => errors.push(args));
  const page = (hydrated: boolean): ReactNode => <BrowserContext.Provider value={hydrated}>{tree}</BrowserContext.Provider>;
  try {
    const root = await act(async () => hydrateRoot(container, page(false), {onRecoverableError: (error) => errors.push(error)}));
    return {
      root,
      errors,
      finishHydrating: async () => {
        const again = vi.spyOn(console, 'error').mockImplementation((...args) => errors.push(args));
        try {
          await act(async () => root.render(page(true)));
        } finally {
          again.mockRestore();
        }
      },
    };
  } finally {
    spy.mockRestore();
  }
}

/** The server HTML of `tree`, rendered as Docusaurus's server does: its browser context says the page is not running. */
export function renderAsServer(tree: ReactNode): string {
  return renderToString(<BrowserContext.Provider value={false}>{tree}</BrowserContext.Provider>);
}
