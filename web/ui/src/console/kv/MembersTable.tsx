import type { KvCluster } from './kvApi';

/** What the failure detector's verdict means, for the badge's title. */
const MEANING: Record<string, string> = {
  ALIVE: 'heartbeats arrive as expected',
  SUSPECT: 'heartbeats late: phi above the suspect threshold',
  DEAD: 'no heartbeats for long: phi above the dead threshold',
};

const formatPhi = (phi: number) => (Number.isFinite(phi) ? phi.toFixed(2) : '∞');

/** Every member as the answering node sees it: state, failure-detector phi, the hints it holds for each. */
export function MembersTable({ cluster, colors }: { cluster: KvCluster; colors: Map<string, string> }) {
  return (
    <div className="table-scroll">
      <table>
        <caption className="sr-only">Members as {cluster.self} sees them</caption>
        <thead>
          <tr>
            <th scope="col">Node</th>
            <th scope="col">State</th>
            <th scope="col">Phi</th>
            <th scope="col">Hints held for it</th>
            <th scope="col">Status</th>
            <th scope="col">Address</th>
          </tr>
        </thead>
        <tbody>
          {cluster.members.map((m) => (
            <tr key={m.id} data-node={m.id}>
              <th scope="row">
                <span className="kv-swatch" style={{ background: colors.get(m.id) }} aria-hidden="true" />
                <span className="mono">{m.id}</span>
                {m.id === cluster.self && <span className="muted"> (answering)</span>}
              </th>
              <td>
                <span className={`kv-state kv-state-${m.reachability.toLowerCase()}`} title={MEANING[m.reachability]}>
                  {m.reachability.toLowerCase()}
                </span>
              </td>
              <td className="mono">{formatPhi(m.phi)}</td>
              <td className="mono">{cluster.hintsByTarget[m.id] ?? 0}</td>
              <td>{m.status.toLowerCase()}</td>
              <td className="mono kv-address">{m.address}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
