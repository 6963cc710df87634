/** Same rule as Docusaurus: anything without a scheme or protocol-relative prefix is internal. */
export default function isInternalUrl(url?: string): boolean {
  return typeof url !== 'undefined' && !/^(?:[a-z][a-z\d+.-]*:|\/\/)/i.test(url);
}

/** Matches the real module's named export. */
export function hasProtocol(url: string): boolean {
  return /^(?:[a-z][a-z\d+.-]*:|\/\/)/i.test(url);
}
