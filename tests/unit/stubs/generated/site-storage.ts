/** Same shape as the generated module for a site without storage namespacing. */
export default {type: 'localStorage', namespace: ''};
