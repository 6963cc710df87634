/**
 * The search highlight (`?highlight=`, mark.js in src/theme/SearchBar) and a part of a page that hydrates after the
 * page (src/components/HydrateWhenNear) meet here: the part takes the marks out of its HTML before it hydrates (React
 * expects the server's text), then fires this event (bubbling), and the highlight marks its words in it again.
 */
export const SECTION_HYDRATED_EVENT = 'sectionhydrated';
