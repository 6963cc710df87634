import type {ComponentProps, ReactNode} from 'react';

type Props = ComponentProps<'h2'> & {as: 'h1' | 'h2' | 'h3' | 'h4' | 'h5' | 'h6'};

/** A bare heading element of the requested level. */
export default function Heading({as: As, ...props}: Props): ReactNode {
  return <As {...props} />;
}
