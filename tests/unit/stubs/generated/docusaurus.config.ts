import config from '@site/docusaurus.config';

/** The real site config, so titles and URLs in component tests match the site. */
export default config;
