import { useId, useState } from 'react';
import { Bar, BarChart, CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { useConsole } from '../shell/AdminContext';
import { ProblemAlert } from '../shell/ProblemAlert';
import { ACTIONS_BY_STATE, crawlerApi, type Crawl, type CrawlAction } from './crawlerApi';

/** One poll's numbers, for the live chart: seconds since the page began watching the crawl. */
export interface Sample {
  second: number;
  pagesPerSecond: number;
  queued: number;
}

const CHART = { width: 520, height: 220 };
const ACTION_LABEL: Record<CrawlAction, string> = { start: 'Start', pause: 'Pause', resume: 'Resume', stop: 'Stop' };

/** A crawl's state with the actions it allows (admin), its counters, pages/s and frontier over time, errors by kind. */
export function CrawlStatusPanel({ crawl, samples, onChanged }: { crawl: Crawl; samples: Sample[]; onChanged: (c: Crawl) => void }) {
  const id = useId();
  const { admin, adminApi } = useConsole();
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const act = async (action: CrawlAction) => {
    setBusy(true);
    setError(null);
    try {
      onChanged(await crawlerApi.act(adminApi, crawl.id, action));
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };
  const frontier = crawl.frontier;
  const errors = Object.entries(crawl.errors ?? {}).map(([kind, count]) => ({ kind, count }));
  const counters: [string, number | string][] = [
    ['Fetched', crawl.fetched],
    ['Pages/s', crawl.pagesPerSecond],
    ['Frontier queued', frontier?.queued ?? '—'],
    ['In flight', frontier?.inFlight ?? '—'],
    ['Failed', frontier?.failed ?? '—'],
    ['Skipped', frontier?.skipped ?? '—'],
    ['Seen URLs', frontier?.seen ?? '—'],
    ['Hosts', frontier?.hosts ?? '—'],
    ['Duplicates', crawl.duplicates],
  ];

  return (
    <section className="panel" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>
        Crawl <span className="mono">{crawl.id}</span>:{' '}
        <span className={`crawl-state state-${crawl.state.toLowerCase()}`} data-testid="crawl-state">
          {crawl.state}
        </span>
      </h2>
      <p className="muted">
        Seeds {crawl.definition.seeds.join(', ')}; depth ≤ {crawl.definition.maxDepth}, pages ≤ {crawl.definition.maxPages},
        at least {crawl.definition.minDelayMs} ms between two fetches from one host.
      </p>
      {admin ? (
        <div className="inline-fields" role="group" aria-label="Crawl controls">
          {(['start', 'pause', 'resume', 'stop'] as CrawlAction[]).map((action) => (
            <button key={action} type="button" disabled={busy || !ACTIONS_BY_STATE[crawl.state].includes(action)}
              onClick={() => act(action)} className={action === 'stop' ? 'secondary' : undefined}>
              {ACTION_LABEL[action]}
            </button>
          ))}
        </div>
      ) : (
        <p className="muted">Sign in as admin (above) to start, pause, resume or stop it.</p>
      )}
      <ProblemAlert error={error} />
      {crawl.unavailable && <p role="alert" className="error">{crawl.unavailable}</p>}
      <dl className="counters">
        {counters.map(([name, value]) => (
          <div key={name}>
            <dt>{name}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
      <div className="grid">
        <figure className="chart" aria-labelledby={`${id}-rate`}>
          <figcaption id={`${id}-rate`}>Pages per second and frontier size (live, every 2 s)</figcaption>
          {samples.length === 0 ? (
            <p className="muted">Collecting samples…</p>
          ) : (
            <ResponsiveContainer width="100%" height={CHART.height} initialDimension={CHART}>
              <LineChart data={samples} accessibilityLayer>
                <CartesianGrid strokeDasharray="3 3" />
                <XAxis dataKey="second" unit=" s" />
                <YAxis yAxisId="rate" allowDecimals />
                <YAxis yAxisId="queued" orientation="right" allowDecimals={false} />
                <Tooltip />
                <Legend />
                <Line yAxisId="rate" dataKey="pagesPerSecond" name="pages/s" stroke="var(--accent)" dot={samples.length < 3} isAnimationActive={false} />
                <Line yAxisId="queued" dataKey="queued" name="queued" stroke="var(--muted)" strokeDasharray="4 2" dot={samples.length < 3} isAnimationActive={false} />
              </LineChart>
            </ResponsiveContainer>
          )}
        </figure>
        <figure className="chart" aria-labelledby={`${id}-errors`}>
          <figcaption id={`${id}-errors`}>Errors by kind</figcaption>
          {errors.length === 0 ? (
            <p className="muted">No errors.</p>
          ) : (
            <ResponsiveContainer width="100%" height={CHART.height} initialDimension={CHART}>
              <BarChart data={errors} accessibilityLayer>
                <CartesianGrid strokeDasharray="3 3" />
                <XAxis dataKey="kind" />
                <YAxis allowDecimals={false} />
                <Tooltip />
                <Bar dataKey="count" name="errors" fill="var(--accent)" isAnimationActive={false} />
              </BarChart>
            </ResponsiveContainer>
          )}
        </figure>
      </div>
    </section>
  );
}
