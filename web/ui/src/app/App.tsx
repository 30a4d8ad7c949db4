import { SessionProvider } from '../session/SessionContext';
import { AppHeader } from './AppHeader';
import { AppShell } from './AppShell';
import { routes } from './routes';

/** The news feed: session, then the shared shell with the feed's header and pages. */
export function App({ fetchImpl }: { fetchImpl?: typeof fetch }) {
  return (
    <SessionProvider fetchImpl={fetchImpl}>
      <AppShell header={<AppHeader />} routes={routes} />
    </SessionProvider>
  );
}
