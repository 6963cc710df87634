import siteConfig from '@generated/docusaurus.config';

/** The site's own config, as Docusaurus would hand it to components. */
export default function useDocusaurusContext() {
  return {
    siteConfig,
    siteMetadata: {docusaurusVersion: 'test', pluginVersions: {}, siteVersion: undefined},
    globalData: {},
    i18n: {defaultLocale: 'en', locales: ['en'], currentLocale: 'en', path: 'en', localeConfigs: {}},
    codeTranslations: {},
  };
}
