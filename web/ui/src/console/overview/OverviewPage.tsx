import { useEffect } from 'react';
import { Link } from 'wouter';
import { AdminSignIn } from '../shell/AdminSignIn';
import { useConsole } from '../shell/AdminContext';
import { ConsoleHeading } from '../shell/ConsoleHeading';
import { ProblemAlert } from '../shell/ProblemAlert';
import { usePolling } from '../shell/usePolling';
import { SYSTEMS, checkLabel, detailsOf, inShownOrder, runsWhere, type Backend, type Check, type HealthAnswer } from './systems';
import './overview.css';

/** Where the backends run changes only with a restart (or a database first reached late): asked seldom. */
const BACKENDS_REFRESH_MS = 30_000;

/**
 * The console's front page: every readiness check live (`/health/ready` is public and says name and status only) with
 * where its backend runs (`/api/platform/backends`, public: embedded, local or external, no address), the five systems
 * with the checks each needs, and, for the signed-in admin, each check's details from `/api/admin/health` — addresses,
 * database, errors — which the public answers hide.
 */
export function OverviewPage() {
  const { api, adminApi, admin } = useConsole();
  const health = usePolling((signal) => api.getAnswer<HealthAnswer>('/health/ready', [503], signal));
  const backends = usePolling(
    (signal) => api.request<Backend[]>('GET', '/api/platform/backends', undefined, signal),
    BACKENDS_REFRESH_MS,
  );
  const details = usePolling(
    (signal) => (admin ? adminApi.request<HealthAnswer>('GET', '/api/admin/health', undefined, signal) : Promise.resolve(null)),
    5000,
  );
  const refreshDetails = details.refresh;
  useEffect(() => refreshDetails(), [admin, refreshDetails]);
  const adminChecks = admin ? details.data?.checks ?? [] : [];
  const statusOf = (name: string) => health.data?.checks.find((c) => c.name === name)?.status;

  return (
    <div className="overview">
      <ConsoleHeading>Overview</ConsoleHeading>
      <section className="panel" aria-labelledby="readiness-title">
        <h2 id="readiness-title">Readiness</h2>
        <ProblemAlert error={health.error} />
        {health.data ? (
          <ReadinessTable answer={health.data} backends={backends.data} adminChecks={adminChecks} />
        ) : (
          !health.error && <p className="muted">Asking the server…</p>
        )}
        {!health.error && <ProblemAlert error={backends.error} />}
        <p className="hint">
          From <a href="/health/ready">/health/ready</a>, refreshed every 2 seconds; where each backend runs from{' '}
          <a href="/api/platform/backends">/api/platform/backends</a>. Their addresses are the admin&apos;s to see
          (<code>/api/admin/health</code>, HTTPS only).
        </p>
        <AdminSignIn purpose="Seeing the backends' details" />
        {admin && <ProblemAlert error={details.error} />}
      </section>

      <section aria-labelledby="systems-title">
        <h2 id="systems-title">The five systems</h2>
        <div className="grid">
          {SYSTEMS.map((system) => {
            const down = system.needs.filter((name) => statusOf(name) === 'DOWN');
            const known = system.needs.every((name) => statusOf(name) !== undefined);
            return (
              <article className="panel system" key={system.name} aria-label={system.name}>
                <h3>{system.name}</h3>
                <p>{system.summary}</p>
                <p>
                  {!known ? (
                    <span className="muted">Readiness unknown</span>
                  ) : down.length ? (
                    <span className="badge down">✗ Not ready: {down.map(checkLabel).join(', ')} down</span>
                  ) : (
                    <span className="badge up">✓ Ready</span>
                  )}
                </p>
                <p className="muted">Needs: {system.needs.map(checkLabel).join(', ')}</p>
                <p>
                  {system.page ? <Link href={system.page}>Open its page</Link> : <a href="/feed/">Open the feed</a>}
                  {' · '}
                  Docs: <code>{system.doc}</code>
                </p>
              </article>
            );
          })}
        </div>
      </section>

      <section className="panel" aria-labelledby="links-title">
        <h2 id="links-title">Elsewhere on this server</h2>
        <ul className="links">
          <li><a href="/openapi/ui/">OpenAPI UI</a> (every REST endpoint, try it out)</li>
          <li><a href={adminCenterUrl()}>Admin Center</a> (admin; batch jobs)</li>
          <li><a href="/feed/">News feed</a></li>
        </ul>
        <p className="hint">
          The docs named above are in the repository (<code>README.md</code> lists them); the console&apos;s own is{' '}
          <code>docs/console.md</code>.
        </p>
      </section>
    </div>
  );
}

function ReadinessTable({ answer, backends, adminChecks }: {
  answer: HealthAnswer;
  backends: Backend[] | null;
  adminChecks: Check[];
}) {
  const showDetails = adminChecks.length > 0;
  return (
    <>
      <p>
        Server:{' '}
        <StatusBadge status={answer.status} />
      </p>
      <div className="table-scroll">
        <table>
          <caption className="sr-only">Readiness checks</caption>
          <thead>
            <tr>
              <th scope="col">Check</th>
              <th scope="col">Status</th>
              <th scope="col">Runs</th>
              {showDetails && <th scope="col">Details</th>}
            </tr>
          </thead>
          <tbody>
            {inShownOrder(answer.checks).map((check) => {
              const detailed = adminChecks.find((c) => c.name === check.name);
              return (
                <tr key={check.name}>
                  <th scope="row">{checkLabel(check.name)}</th>
                  <td><StatusBadge status={check.status} /></td>
                  <td>{runsWhere(check.name, backends) ?? '—'}</td>
                  {showDetails && <td className="details mono">{detailed ? detailsOf(detailed) : ''}</td>}
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </>
  );
}

function StatusBadge({ status }: { status: string }) {
  const up = status === 'UP';
  return <span className={`badge ${up ? 'up' : 'down'}`}>{up ? '✓ UP' : '✗ DOWN'}</span>;
}

// Liberty serves the Admin Center over HTTPS only: from a page on plain HTTP, point at the default HTTPS port.
function adminCenterUrl(): string {
  return window.location.protocol === 'https:' ? '/adminCenter/' : `https://${window.location.hostname}:9443/adminCenter/`;
}
