import {Component, type ReactNode} from 'react';

interface Props {
  fallback?: (params: {error: Error; tryAgain: () => void}) => ReactNode;
  children: ReactNode;
}

/**
 * Behaves as Docusaurus's boundary (@docusaurus/core's client/exports/ErrorBoundary), whose published file is JSX in
 * a .js file that the unit tests' transform does not read: it catches what its children throw and renders `fallback`.
 */
export default class ErrorBoundary extends Component<Props, {error: Error | null}> {
  override state = {error: null as Error | null};

  override componentDidCatch(error: Error): void {
    this.setState({error});
  }

  override render(): ReactNode {
    const {error} = this.state;
    if (!error) return this.props.children;
    const fallback = this.props.fallback ?? (() => <p role="alert">{error.message}</p>);
    return fallback({error, tryAgain: () => this.setState({error: null})});
  }
}
