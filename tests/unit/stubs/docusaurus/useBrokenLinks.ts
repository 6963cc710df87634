/** Link and anchor collection only matters during a build. */
export default function useBrokenLinks() {
  return {collectLink: (_link: string | undefined) => {}, collectAnchor: (_anchor: string | undefined) => {}};
}
