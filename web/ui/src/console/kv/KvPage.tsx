import { ConsoleHeading } from '../shell/ConsoleHeading';

/** The console's Key-value store page (issue 17). */
export function KvPage() {
  return (
    <>
      <ConsoleHeading>Key-value store</ConsoleHeading>
      <p className="muted">This page is being built.</p>
    </>
  );
}
