import type {ReactNode} from 'react';
import Link from '@docusaurus/Link';
import useBaseUrl from '@docusaurus/useBaseUrl';
import useDocusaurusContext from '@docusaurus/useDocusaurusContext';
import type {ThemeConfig} from '@docusaurus/theme-common';
import type {Props} from '@theme/Logo';

/**
 * The site's mark, drawn in the page: the same drawing as static/img/logo.svg (Logo.test.tsx holds them equal), which
 * the app icons are made from.
 */
function LogoMark({className}: {className?: string}): ReactNode {
  return (
    <svg className={className} viewBox="0 0 64 64" aria-hidden="true" focusable="false">
      <rect width="64" height="64" rx="14" fill="#00758f" />
      <path d="M14 22h22M10 32h26M16 42h20M55 32a9 9 0 1 1-18 0a9 9 0 1 1 18 0" fill="none" stroke="#fff" strokeWidth="5" strokeLinecap="round" />
    </svg>
  );
}

/**
 * Ejected from the classic theme's Logo, with one local change: the mark is an inline SVG instead of the theme's
 * themed image. An SVG file in an <img> is a document of its own, which the browser builds on the page's main thread:
 * 3–12 ms of a load (unthrottled) for the navbar's mark and 5 ms more for the mobile menu's, where the inline drawing
 * costs three elements' style and paint. The themed image also drew the mark twice on the server (one per colour mode) and
 * removed one while hydrating; this mark is the same in both modes. The title, the link and its classes are the
 * theme's.
 */
export default function Logo({imageClassName, titleClassName, ...linkProps}: Props): ReactNode {
  const {siteConfig} = useDocusaurusContext();
  // The theme's useThemeConfig() reads just this; its module would bring the whole of theme-common into unit tests.
  const {navbar} = siteConfig.themeConfig as unknown as ThemeConfig;
  const home = useBaseUrl('/');
  // Without a visible title the link is named by the site's, as the theme's image was by its alt text.
  const name = navbar.title == null ? {'aria-label': siteConfig.title} : {};
  return (
    <Link to={home} {...name} {...linkProps}>
      <LogoMark className={imageClassName} />
      {navbar.title != null && <b className={titleClassName}>{navbar.title}</b>}
    </Link>
  );
}
