const canUseDOM = typeof window !== 'undefined';

/** Mirrors the real module's flags for the current test environment. */
export default {
  canUseDOM,
  canUseEventListeners: canUseDOM,
  canUseIntersectionObserver: canUseDOM && 'IntersectionObserver' in window,
  canUseViewport: canUseDOM,
};
