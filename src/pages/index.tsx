import type {ReactNode} from 'react';
import Link from '@docusaurus/Link';
import Layout from '@theme/Layout';
import Heading from '@theme/Heading';

export default function Home(): ReactNode {
  return (
    <Layout title="Go interview study plans" description="Day-by-day Go interview study plans.">
      <main className="container margin-vert--xl">
        <Heading as="h1">Go Study Plans</Heading>
        <Link className="button button--primary button--lg" to="/roadmap/roadmap-16-weeks">Start with the roadmap</Link>
      </main>
    </Layout>
  );
}
