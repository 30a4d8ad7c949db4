import type { ReactNode } from 'react';
import { PageHeading } from '../../app/PageHeading';

/** A console page's h1, titled for the console rather than the feed. */
export function ConsoleHeading({ children }: { children: ReactNode }) {
  return <PageHeading site="Practical Systems console">{children}</PageHeading>;
}
