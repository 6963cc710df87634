/** Route context of a plain docs page. */
export default function useRouteContext() {
  return {plugin: {name: 'docusaurus-plugin-content-docs', id: 'default'}};
}
