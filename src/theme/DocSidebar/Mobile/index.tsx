import {memo, useMemo, type ReactNode} from 'react';
import clsx from 'clsx';
import {NavbarSecondaryMenuFiller, ThemeClassNames} from '@docusaurus/theme-common';
import {useNavbarMobileSidebar} from '@docusaurus/theme-common/internal';
import DocSidebarItems from '@theme/DocSidebarItems';
import type {Props} from '@theme/DocSidebar/Mobile';

interface Menu {
  menu: Pick<Props, 'sidebar' | 'path'>;
}

/** The docs sidebar inside the phone's navbar menu, as the classic theme draws it. */
function DocSidebarMobileSecondaryMenu({menu: {sidebar, path}}: Menu): ReactNode {
  const mobileSidebar = useNavbarMobileSidebar();
  return (
    <ul className={clsx(ThemeClassNames.docs.docSidebarMenu, 'menu__list')}>
      <DocSidebarItems
        items={sidebar}
        activePath={path}
        onItemClick={(item) => {
          // The menu closes on a link, and on a category only when the category is a page of its own.
          if (item.type === 'link' || (item.type === 'category' && item.href)) mobileSidebar.toggle();
        }}
        level={1}
      />
    </ul>
  );
}

/**
 * Local change (replacing the classic theme's): the theme hands the navbar's filler the sidebar's props as they are,
 * and the filler keeps them as a list of entries sorted by key with `localeCompare`. On a phone that sort was the
 * page's first use of the browser's collator, which builds its ICU tables then: 15–30 ms of a phone's main thread
 * (four times that on a slow one) inside the task that ends hydration, on every doc page. Here the filler gets one
 * entry, so it has nothing to sort; the entry is memoised on what the menu draws, as the filler's own memo was.
 */
function DocSidebarMobile({sidebar, path}: Props): ReactNode {
  const menu = useMemo(() => ({sidebar, path}), [sidebar, path]);
  return <NavbarSecondaryMenuFiller component={DocSidebarMobileSecondaryMenu} props={{menu}} />;
}

export default memo(DocSidebarMobile);
