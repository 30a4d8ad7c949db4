import { ConsoleHeading } from '../shell/ConsoleHeading';

/** The console's Web crawler page (issue 17). */
export function CrawlerPage() {
  return (
    <>
      <ConsoleHeading>Web crawler</ConsoleHeading>
      <p className="muted">This page is being built.</p>
    </>
  );
}
