/** No routes: component tests do not render the route tree. */
export default [];
