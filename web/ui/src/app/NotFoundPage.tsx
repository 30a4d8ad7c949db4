import { Link } from 'wouter';
import { PageHeading } from './PageHeading';

export function NotFoundPage() {
  return (
    <section>
      <PageHeading>Page not found</PageHeading>
      <p>
        Nothing lives at this address. <Link href="/">Go to your timeline</Link>.
      </p>
    </section>
  );
}
