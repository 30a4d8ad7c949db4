import { ConsoleHeading } from '../shell/ConsoleHeading';

/** The console's URL shortener page (issue 17). */
export function UrlsPage() {
  return (
    <>
      <ConsoleHeading>URL shortener</ConsoleHeading>
      <p className="muted">This page is being built.</p>
    </>
  );
}
