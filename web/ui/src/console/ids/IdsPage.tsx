import { ConsoleHeading } from '../shell/ConsoleHeading';

/** The console's IDs page (issue 17). */
export function IdsPage() {
  return (
    <>
      <ConsoleHeading>IDs</ConsoleHeading>
      <p className="muted">This page is being built.</p>
    </>
  );
}
