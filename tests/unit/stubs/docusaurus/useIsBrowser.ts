/** True when a DOM exists: jsdom tests count as the browser, node tests as the server render. */
export default function useIsBrowser(): boolean {
  return typeof window !== 'undefined';
}
