/** No overrides: MDX falls back to plain HTML elements. */
export default {};
