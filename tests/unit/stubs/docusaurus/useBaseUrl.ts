/** The site is served at '/', so a base URL is the path itself. */
export default function useBaseUrl(url: string): string {
  return url;
}

/** Same shape as the real module's helper. */
export function useBaseUrlUtils() {
  return {withBaseUrl: useBaseUrl};
}
