import type {ReactNode} from 'react';
import {useThemeConfig} from '@docusaurus/theme-common';
import {lazyComponent} from '@site/src/lib/onDemand';

const AnnouncementBar = lazyComponent(() => import('@theme-original/AnnouncementBar'));

/**
 * Local change (wrapping the classic theme's announcement bar): its code comes only with a site configured to show
 * one; this site has none, so its pages no longer carry it.
 */
export default function AnnouncementBarWrapper(): ReactNode {
  const {announcementBar} = useThemeConfig();
  if (!announcementBar) return null;
  return <AnnouncementBar />;
}
