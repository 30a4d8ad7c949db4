import { Link, useLocation } from 'wouter';
import { AppShell } from '../../app/AppShell';
import { consoleRoutes } from '../routes';
import { AdminProvider } from './AdminContext';

/** The console: admin credentials, then the shared shell with the console's header and pages. */
export function ConsoleApp({ fetchImpl }: { fetchImpl?: typeof fetch }) {
  return (
    <AdminProvider fetchImpl={fetchImpl}>
      <div className="console">
        <AppShell header={<ConsoleHeader />} routes={consoleRoutes} />
      </div>
    </AdminProvider>
  );
}

function ConsoleHeader() {
  const [location] = useLocation();
  return (
    <header className="app-header">
      <nav aria-label="Console" className="app-nav">
        <Link href="/" className="brand" aria-label="Practical Systems console">
          <span className="brand-long">Practical Systems </span>Console
        </Link>
        {consoleRoutes.map(({ path, label }) => (
          <Link key={path} href={path} aria-current={location === path ? 'page' : undefined}>
            {label}
          </Link>
        ))}
        <a href="/feed/">Feed</a>
      </nav>
    </header>
  );
}
