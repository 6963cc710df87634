import type {ReactNode} from 'react';

/** Head tags are not part of what a component test looks at. */
export default function Head(_props: {children?: ReactNode}): ReactNode {
  return null;
}
