import { Cell, Pie, PieChart } from 'recharts';
import type { KvMember, KvRing } from './kvApi';

const percent = (fraction: number) => `${(fraction * 100).toFixed(1)} %`;

/**
 * The ring as a donut of its token ranges, clockwise from position 0 at the top, each arc in its primary owner's
 * colour; the legend beside it says the same in text (node, tokens, share of the ring).
 */
export function RingChart({ ring, members, colors, size = 240 }: {
  ring: KvRing;
  members: KvMember[];
  colors: Map<string, string>;
  size?: number;
}) {
  const inRing = members.filter((m) => m.status !== 'LEFT');
  const start = 90 - 360 * ring.firstStart;
  const summary = `Ring of ${ring.ringNodes} node${ring.ringNodes === 1 ? '' : 's'} in ${ring.arcs.length} token ranges: `
    + inRing.map((m) => `${m.id} owns ${percent(m.ownership)}`).join(', ');
  return (
    <div className="kv-ring">
      <figure role="img" aria-label={summary} className="kv-ring-chart">
        <PieChart width={size} height={size}>
          <Pie
            data={ring.arcs}
            dataKey="fraction"
            nameKey="node"
            startAngle={start}
            endAngle={start - 360}
            innerRadius={size * 0.3}
            outerRadius={size * 0.46}
            stroke="var(--surface)"
            strokeWidth={1}
            isAnimationActive={false}
          >
            {ring.arcs.map((arc) => (
              <Cell key={arc.end} fill={colors.get(arc.node) ?? '#7a7f86'} />
            ))}
          </Pie>
        </PieChart>
      </figure>
      <ul className="kv-legend" aria-label="Ring ownership">
        {inRing.map((m) => (
          <li key={m.id}>
            <span className="kv-swatch" style={{ background: colors.get(m.id) }} aria-hidden="true" />
            <span className="mono">{m.id}</span> — {percent(m.ownership)} of the ring, {m.vnodes} tokens
          </li>
        ))}
      </ul>
    </div>
  );
}
