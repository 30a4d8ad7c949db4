import { Route, Router, Switch } from 'wouter';
import { useHashLocation } from 'wouter/use-hash-location';
import { SessionProvider } from '../session/SessionContext';
import { AppHeader } from './AppHeader';
import { NotFoundPage } from './NotFoundPage';
import { routes } from './routes';

/** The shell: session, hash router, header and the page of the current route. */
export function App({ fetchImpl }: { fetchImpl?: typeof fetch }) {
  return (
    <SessionProvider fetchImpl={fetchImpl}>
      <Router hook={useHashLocation}>
        <a className="skip-link" href="#main" onClick={skipToMain}>
          Skip to content
        </a>
        <AppHeader />
        <main id="main" tabIndex={-1} className="page">
          <Switch>
            {routes.map(({ path, component: Page }) => (
              <Route key={path} path={path} component={Page} />
            ))}
            <Route>
              <NotFoundPage />
            </Route>
          </Switch>
        </main>
      </Router>
    </SessionProvider>
  );
}

// With hash routing, href="#main" would be read as a route: move focus instead.
function skipToMain(event: React.MouseEvent) {
  event.preventDefault();
  document.getElementById('main')?.focus();
}
