import type { KvCluster, KvMember, KvRing } from './kvApi';

/** A member as the server shows it; tests override what they look at. */
export function member(id: string, overrides: Partial<KvMember> = {}): KvMember {
  return {
    id, address: `http://127.0.0.1:908${id.slice(-1)}`, status: 'NORMAL', reachability: 'ALIVE', phi: 0.4,
    generation: 1, heartbeat: 10, vnodes: 2, ownership: 0, ...overrides,
  };
}

export function cluster(members: KvMember[], overrides: Partial<KvCluster> = {}): KvCluster {
  return {
    self: members[0].id, quorum: '3/2/2', mode: 'SLOPPY', ringNodes: members.length, members, keyCount: 7,
    hintsByTarget: {}, hintsDropped: {}, pendingRangeMoves: 0, counters: {}, ...overrides,
  };
}

/** Two arcs per node, in ring order. */
export function ring(nodes: string[]): KvRing {
  const arcs = [...nodes, ...nodes].map((node, i) => ({
    node, start: String(i * 100), end: String(i * 100 + 100), fraction: 1 / (2 * nodes.length),
  }));
  return { self: nodes[0], ringNodes: nodes.length, firstStart: 0.25, arcs };
}
