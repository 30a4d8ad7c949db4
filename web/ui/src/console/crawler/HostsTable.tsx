import { useId } from 'react';
import type { Host } from './crawlerApi';

function nextFetch(at: string | null, now: number) {
  if (!at) return '—';
  const inMs = Date.parse(at) - now;
  return inMs <= 0 ? 'due now' : `in ${(inMs / 1000).toFixed(1)} s`;
}

function robotsOf(host: Host) {
  if (!host.robots) return 'not fetched yet';
  return host.crawlDelayMs ? `${host.robots}, Crawl-delay ${host.crawlDelayMs} ms` : host.robots;
}

/** The crawl's hosts (first 100): queue, counters, when each may be fetched next, the delay in force, robots.txt. */
export function HostsTable({ hosts, now }: { hosts: Host[]; now: number }) {
  const id = useId();
  return (
    <section className="panel" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>Hosts</h2>
      {hosts.length === 0 ? (
        <p className="muted">No host yet.</p>
      ) : (
        <div className="table-scroll">
          <table>
            <thead>
              <tr>
                <th scope="col">Host</th>
                <th scope="col">Queued</th>
                <th scope="col">Fetched</th>
                <th scope="col">Errors</th>
                <th scope="col">Next fetch</th>
                <th scope="col">Delay</th>
                <th scope="col">robots.txt</th>
                <th scope="col">Lease</th>
              </tr>
            </thead>
            <tbody>
              {hosts.map((host) => (
                <tr key={host.host}>
                  <th scope="row" className="mono">{host.host}</th>
                  <td>{host.queued}</td>
                  <td>{host.fetched}</td>
                  <td>
                    {host.errors}
                    {host.consecutiveErrors > 0 && ` (${host.consecutiveErrors} in a row)`}
                  </td>
                  <td title={host.nextFetchAt ?? undefined}>{nextFetch(host.nextFetchAt, now)}</td>
                  <td>{host.delayMs == null ? '—' : `${host.delayMs} ms`}</td>
                  <td>{robotsOf(host)}</td>
                  <td className="mono">{host.leasedBy ?? '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
