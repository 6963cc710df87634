import {format} from 'node:util';

/**
 * React's development build checks each element it creates against HTML's content rules and logs what a
 * browser's parser would restructure (`In HTML, <li> cannot be a descendant of <li>`): markup that breaks
 * hydration once server-rendered. Returns the warning's text when a `console.error` call is one of those.
 */
export function domNestingWarning(args: readonly unknown[]): string | null {
  if (typeof args[0] !== 'string') return null;
  const message = format(...args);
  return /^In HTML, .+ cannot be a (child|descendant) of <|^<\w+> cannot contain a nested /.test(message) ? message : null;
}
