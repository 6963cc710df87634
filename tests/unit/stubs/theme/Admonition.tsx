import type {ReactNode} from 'react';

/** The theme's admonition as a plain titled box. */
export default function Admonition({type, title, children}: {type: string; title?: ReactNode; children: ReactNode}): ReactNode {
  return (
    <div role="note" data-admonition={type}>
      <p>{title}</p>
      {children}
    </div>
  );
}
