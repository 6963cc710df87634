import {useEffect, useLayoutEffect} from 'react';

/** Layout effect in the browser, plain effect during a server render (no SSR warning). */
export default typeof window !== 'undefined' ? useLayoutEffect : useEffect;
