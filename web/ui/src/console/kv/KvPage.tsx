import { useCallback, useMemo } from 'react';
import { ConsoleHeading } from '../shell/ConsoleHeading';
import { ProblemAlert } from '../shell/ProblemAlert';
import { useConsole } from '../shell/AdminContext';
import { usePolling } from '../shell/usePolling';
import { KeyBrowser } from './KeyBrowser';
import type { KvCluster, KvRing } from './kvApi';
import { MembersTable } from './MembersTable';
import { nodeColors } from './nodeColors';
import { RingChart } from './RingChart';
import './kv.css';

/** The console's Key-value store page (issue 17): the ring and its members, live, and a key browser. */
export function KvPage() {
  const { api } = useConsole();
  const load = useCallback(async (signal: AbortSignal) => {
    const [cluster, ring] = await Promise.all([
      api.request<KvCluster>('GET', '/api/kv-cluster', undefined, signal),
      api.request<KvRing>('GET', '/api/kv-cluster/ring', undefined, signal),
    ]);
    return { cluster, ring };
  }, [api]);
  const { data, error } = usePolling(load);
  const colors = useMemo(() => nodeColors(data?.cluster.members.map((m) => m.id) ?? []), [data]);

  return (
    <>
      <ConsoleHeading>Key-value store</ConsoleHeading>
      <ProblemAlert error={error} />
      {data ? (
        <>
          <p className="kv-summary">
            As <span className="mono">{data.cluster.self}</span> sees it: quorum N/R/W {data.cluster.quorum}
            {' '}({data.cluster.mode.toLowerCase()}), {data.cluster.ringNodes} node{data.cluster.ringNodes === 1 ? '' : 's'} in
            {' '}the ring, {data.cluster.keyCount} key{data.cluster.keyCount === 1 ? '' : 's'} stored here. Refreshed every 2 s.
          </p>
          <div className="grid kv-cluster-grid">
            <section className="panel" aria-labelledby="kv-ring-h">
              <h2 id="kv-ring-h">Ring</h2>
              <RingChart ring={data.ring} members={data.cluster.members} colors={colors} />
            </section>
            <section className="panel" aria-labelledby="kv-members-h">
              <h2 id="kv-members-h">Members</h2>
              <MembersTable cluster={data.cluster} colors={colors} />
            </section>
          </div>
        </>
      ) : (
        !error && <p className="muted">Loading the cluster…</p>
      )}
      <KeyBrowser />
    </>
  );
}
