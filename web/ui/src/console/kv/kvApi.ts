import type { ApiClient } from '../../api/client';

/** One member as `GET /api/kv-cluster` shows it (KvClusterView / ClusterSnapshot.Member). */
export interface KvMember {
  id: string;
  address: string;
  status: 'NORMAL' | 'LEAVING' | 'LEFT' | string;
  reachability: 'ALIVE' | 'SUSPECT' | 'DEAD' | string;
  phi: number;
  generation: number;
  heartbeat: number;
  vnodes: number;
  ownership: number;
}

export interface KvCluster {
  self: string;
  quorum: string;
  mode: string;
  ringNodes: number;
  members: KvMember[];
  keyCount: number;
  hintsByTarget: Record<string, number>;
  hintsDropped: Record<string, number>;
  pendingRangeMoves: number;
  counters: Record<string, number>;
}

/** `GET /api/kv-cluster/ring`: every token range with its primary owner, clockwise from the smallest token. */
export interface KvRing {
  self: string;
  ringNodes: number;
  /** Where the first arc starts, as a fraction of the ring from position 0 (the first arc wraps past it). */
  firstStart: number;
  arcs: { node: string; start: string; end: string; fraction: number }[];
}

export interface KvRead {
  key: string;
  values: string[];
  encoding: 'utf-8' | 'base64';
  siblings: number;
  tombstones: number;
  context: string;
  answeredBy: string[];
}

export interface KvWritten {
  key: string;
  context: string;
  values: string[];
  encoding: 'utf-8' | 'base64';
  siblings: number;
  tombstones: number;
  coordinator: string;
  acknowledgedBy: string[];
  usedHints: boolean;
}

export const CONTEXT_HEADER = 'X-Causal-Context';

/** `/api/kv/<key>` segment by segment: the server refuses an encoded slash, so slashes stay real. */
export function keyPath(key: string): string {
  return `/api/kv/${key.split('/').map(encodeURIComponent).join('/')}`;
}

const contextHeader = (context: string | null): Record<string, string> =>
  context ? { [CONTEXT_HEADER]: context } : {};

export async function getKey(api: ApiClient, key: string): Promise<KvRead> {
  return (await api.sendText('GET', keyPath(key), undefined)).json() as Promise<KvRead>;
}

/** A write: with the context of a read it replaces what that read returned; without one it becomes a sibling. */
export async function putKey(api: ApiClient, key: string, value: string, context: string | null): Promise<KvWritten> {
  return (await api.sendText('PUT', keyPath(key), value, contextHeader(context))).json() as Promise<KvWritten>;
}

export async function deleteKey(api: ApiClient, key: string, context: string | null): Promise<KvWritten> {
  return (await api.sendText('DELETE', keyPath(key), undefined, contextHeader(context))).json() as Promise<KvWritten>;
}
