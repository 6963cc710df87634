import type {ComponentProps, ReactNode} from 'react';

type Props = Omit<ComponentProps<'a'>, 'href'> & {to?: string; href?: string};

/** Plain anchor standing in for the router-aware Link. */
export default function Link({to, href, children, ...rest}: Props): ReactNode {
  return (
    <a href={to ?? href} {...rest}>
      {children}
    </a>
  );
}
