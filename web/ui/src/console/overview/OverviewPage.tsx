import { ConsoleHeading } from '../shell/ConsoleHeading';

/** The console's Overview page (issue 17). */
export function OverviewPage() {
  return (
    <>
      <ConsoleHeading>Overview</ConsoleHeading>
      <p className="muted">This page is being built.</p>
    </>
  );
}
