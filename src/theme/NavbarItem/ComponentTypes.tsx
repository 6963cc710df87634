import {Suspense, lazy, type ReactNode} from 'react';
import DefaultNavbarItem from '@theme/NavbarItem/DefaultNavbarItem';
import type {ComponentTypesObject} from '@theme/NavbarItem/ComponentTypes';

/**
 * A navbar item kind whose code loads only when the navbar has one: `React.lazy`, as every component loaded on demand
 * (src/lib/onDemand.ts says why). The boundary is its own, so a page with such an item is server-rendered with it and
 * hydrates it once its chunk arrives.
 */
function lazyItem<P extends object>(load: () => Promise<{default: (props: P) => ReactNode}>): (props: P) => ReactNode {
  const Item = lazy(load);
  return function OnDemandItem(props: P): ReactNode {
    return (
      <Suspense fallback={null}>
        <Item {...props} />
      </Suspense>
    );
  };
}

/**
 * Local change (replacing the classic theme's map of navbar item kinds): it imports every kind, so every page carried
 * the locale and version dropdowns, the doc and sidebar links and an HTML item (about 2 KiB gzip) that this site's
 * navbar, made of plain links, never shows. Plain links stay in the bundle; every other kind still works, from a chunk.
 */
const ComponentTypes: ComponentTypesObject = {
  default: DefaultNavbarItem,
  localeDropdown: lazyItem(() => import('@theme/NavbarItem/LocaleDropdownNavbarItem')),
  search: lazyItem(() => import('@theme/NavbarItem/SearchNavbarItem')),
  dropdown: lazyItem(() => import('@theme/NavbarItem/DropdownNavbarItem')),
  html: lazyItem(() => import('@theme/NavbarItem/HtmlNavbarItem')),
  doc: lazyItem(() => import('@theme/NavbarItem/DocNavbarItem')),
  docSidebar: lazyItem(() => import('@theme/NavbarItem/DocSidebarNavbarItem')),
  docsVersion: lazyItem(() => import('@theme/NavbarItem/DocsVersionNavbarItem')),
  docsVersionDropdown: lazyItem(() => import('@theme/NavbarItem/DocsVersionDropdownNavbarItem')),
};

export default ComponentTypes;
