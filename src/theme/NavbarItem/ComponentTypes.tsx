import DefaultNavbarItem from '@theme/NavbarItem/DefaultNavbarItem';
import type {ComponentTypesObject} from '@theme/NavbarItem/ComponentTypes';
import {lazyComponent} from '@site/src/lib/onDemand';

/**
 * Local change (replacing the classic theme's map of navbar item kinds): it imports every kind, so every page carried
 * the locale and version dropdowns, the doc and sidebar links and an HTML item (about 2 KiB gzip) that this site's
 * navbar, made of plain links, never shows. Plain links stay in the bundle; every other kind still works, from a
 * chunk (src/lib/onDemand.ts), server-rendered with the page and hydrated once its chunk arrives.
 */
const ComponentTypes: ComponentTypesObject = {
  default: DefaultNavbarItem,
  localeDropdown: lazyComponent(() => import('@theme/NavbarItem/LocaleDropdownNavbarItem')),
  search: lazyComponent(() => import('@theme/NavbarItem/SearchNavbarItem')),
  dropdown: lazyComponent(() => import('@theme/NavbarItem/DropdownNavbarItem')),
  html: lazyComponent(() => import('@theme/NavbarItem/HtmlNavbarItem')),
  doc: lazyComponent(() => import('@theme/NavbarItem/DocNavbarItem')),
  docSidebar: lazyComponent(() => import('@theme/NavbarItem/DocSidebarNavbarItem')),
  docsVersion: lazyComponent(() => import('@theme/NavbarItem/DocsVersionNavbarItem')),
  docsVersionDropdown: lazyComponent(() => import('@theme/NavbarItem/DocsVersionDropdownNavbarItem')),
};

export default ComponentTypes;
