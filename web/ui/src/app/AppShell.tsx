import type { ComponentType, ReactNode } from 'react';
import { Route, Router, Switch } from 'wouter';
import { useHashLocation } from 'wouter/use-hash-location';
import { NotFoundPage } from './NotFoundPage';

/** A page of an area, by hash route (`#/u/alice`); it reads its route parameters with wouter's `useParams()`. */
export interface PageRoute {
  path: string;
  component: ComponentType;
}

/** What the feed and the console share: hash router, skip link, the area's header and the page of the current route. */
export function AppShell({ header, routes }: { header: ReactNode; routes: PageRoute[] }) {
  return (
    <Router hook={useHashLocation}>
      <a className="skip-link" href="#main" onClick={skipToMain}>
        Skip to content
      </a>
      {header}
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
  );
}

// With hash routing, href="#main" would be read as a route: move focus instead.
function skipToMain(event: React.MouseEvent) {
  event.preventDefault();
  document.getElementById('main')?.focus();
}
