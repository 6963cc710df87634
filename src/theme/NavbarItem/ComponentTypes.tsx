import {Suspense, lazy, type ReactNode} from 'react';
import DefaultNavbarItem from '@theme/NavbarItem/DefaultNavbarItem';
import type {ComponentTypesObject} from '@theme/NavbarItem/ComponentTypes';

/**
 * A navbar item kind whose code loads only when the navbar has one. The boundary is its own, so a page with such an
 * item is server-rendered with it and hydrates it once its chunk arrives.
 */
function onDemand<P extends object>(load: () => Promise<{default: (props: P) => ReactNode}>): (props: P) => ReactNode {
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
  localeDropdown: onDemand(() => import('@theme/NavbarItem/LocaleDropdownNavbarItem')),
  search: onDemand(() => import('@theme/NavbarItem/SearchNavbarItem')),
  dropdown: onDemand(() => import('@theme/NavbarItem/DropdownNavbarItem')),
  html: onDemand(() => import('@theme/NavbarItem/HtmlNavbarItem')),
  doc: onDemand(() => import('@theme/NavbarItem/DocNavbarItem')),
  docSidebar: onDemand(() => import('@theme/NavbarItem/DocSidebarNavbarItem')),
  docsVersion: onDemand(() => import('@theme/NavbarItem/DocsVersionNavbarItem')),
  docsVersionDropdown: onDemand(() => import('@theme/NavbarItem/DocsVersionDropdownNavbarItem')),
};

export default ComponentTypes;
