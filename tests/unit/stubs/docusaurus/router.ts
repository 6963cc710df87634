/** The real module re-exports React Router; wrap components in a `MemoryRouter` to use it. */
export {useHistory, useLocation, Redirect, matchPath} from 'react-router-dom';
