import { useId } from 'react';
import { Bar, BarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { ProblemAlert } from '../shell/ProblemAlert';
import { usePolling } from '../shell/usePolling';
import type { UrlsApi } from './urlsApi';

const REFRESH_MS = 2000;
const CHART = { width: 520, height: 220 };

/**
 * One link's clicks, refreshed every 2 s while shown: total, per UTC day, by referrer host and by user-agent family
 * (browser or bot, `UserAgentFamily` on the server), as bar charts.
 */
export function LinkStatsPanel({ code, urls }: { code: string; urls: UrlsApi }) {
  const id = useId();
  const { data: stats, error } = usePolling((signal) => urls.stats(code, signal), REFRESH_MS);

  return (
    <section className="panel" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>
        Clicks of <span className="mono">{code}</span>
      </h2>
      <ProblemAlert error={error} />
      {stats && (
        <>
          <p>
            <strong data-testid="total-clicks">{stats.total}</strong> {stats.total === 1 ? 'click' : 'clicks'} in all
            (today&apos;s from live counters, earlier days from the nightly rollup; refreshed every 2 s).
          </p>
          <div className="grid">
            <figure className="chart" aria-labelledby={`${id}-days`}>
              <figcaption id={`${id}-days`}>Clicks per day (UTC)</figcaption>
              {stats.perDay.length === 0 ? (
                <p className="muted">No clicks yet.</p>
              ) : (
                <ResponsiveContainer width="100%" height={CHART.height} initialDimension={CHART}>
                  <BarChart data={stats.perDay} accessibilityLayer>
                    <CartesianGrid strokeDasharray="3 3" />
                    <XAxis dataKey="day" />
                    <YAxis allowDecimals={false} />
                    <Tooltip />
                    <Bar dataKey="clicks" name="clicks" fill="var(--accent)" isAnimationActive={false} />
                  </BarChart>
                </ResponsiveContainer>
              )}
            </figure>
            <TopChart
              id={`${id}-referrers`}
              title="Top referrers"
              empty="No referrers yet."
              data={stats.topReferrers}
              nameKey="host"
            />
            <TopChart
              id={`${id}-agents`}
              title="Top agents"
              empty="No agents yet."
              data={stats.topAgents}
              nameKey="agent"
            />
          </div>
        </>
      )}
    </section>
  );
}

/** The top entries of one kind (referrer hosts, agent families) as horizontal bars, most clicks first. */
function TopChart<K extends string>({ id, title, empty, data, nameKey }: {
  id: string;
  title: string;
  empty: string;
  data: ({ clicks: number } & Record<K, string>)[];
  nameKey: K;
}) {
  return (
    <figure className="chart" aria-labelledby={id}>
      <figcaption id={id}>{title}</figcaption>
      {data.length === 0 ? (
        <p className="muted">{empty}</p>
      ) : (
        <ResponsiveContainer width="100%" height={CHART.height} initialDimension={CHART}>
          <BarChart data={data} layout="vertical" accessibilityLayer>
            <CartesianGrid strokeDasharray="3 3" />
            <XAxis type="number" allowDecimals={false} />
            <YAxis type="category" dataKey={nameKey} width={110} />
            <Tooltip />
            <Bar dataKey="clicks" name="clicks" fill="var(--muted)" isAnimationActive={false} />
          </BarChart>
        </ResponsiveContainer>
      )}
    </figure>
  );
}
