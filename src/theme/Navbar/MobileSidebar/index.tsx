import type {ReactNode} from 'react';
import {useWindowSize} from '@docusaurus/theme-common';
import {lazyComponent} from '@site/src/lib/onDemand';

const NavbarMobileSidebar = lazyComponent(() => import('@theme-original/Navbar/MobileSidebar'));

/**
 * Local change (wrapping the classic theme's mobile sidebar): the theme renders it only on a narrow window, and never
 * on the server, yet its code (menus, header, scroll lock) came with every page. It now loads on a narrow window only,
 * as the page hydrates there; the menu button, part of the navbar itself, stays in the bundle.
 */
export default function NavbarMobileSidebarWrapper(): ReactNode {
  if (useWindowSize() !== 'mobile') return null;
  return <NavbarMobileSidebar />;
}
