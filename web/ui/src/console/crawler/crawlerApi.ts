import type { ApiClient } from '../../api/client';

/** The crawl states (docs/crawler.md); STOPPED and FINISHED are final. */
export type CrawlState = 'CREATED' | 'RUNNING' | 'PAUSED' | 'STOPPED' | 'FINISHED';
export type CrawlAction = 'start' | 'pause' | 'resume' | 'stop';

export interface FrontierCounts {
  queued: number;
  inFlight: number;
  fetched: number;
  failed: number;
  skipped: number;
  seen: number;
  hosts: number;
}

/** `GET /api/crawls/{id}`: the status view; in a listing the counters are left out. */
export interface Crawl {
  id: string;
  state: CrawlState;
  fetched: number;
  frontier: FrontierCounts | null;
  duplicates: number;
  errors: Record<string, number> | null;
  pagesPerSecond: number;
  unavailable: string | null;
  definition: { seeds: string[]; maxDepth: number; maxPages: number; minDelayMs: number };
  createdAt: string;
  startedAt: string | null;
  endedAt: string | null;
}

export interface Host {
  host: string;
  queued: number;
  fetched: number;
  errors: number;
  consecutiveErrors: number;
  nextFetchAt: string | null;
  leasedBy: string | null;
  leaseExpiresAt: string | null;
  delayMs: number | null;
  robots: string | null;
  crawlDelayMs: number | null;
}

export interface CrawledPage {
  url: string;
  status: number;
  contentType: string | null;
  title: string | null;
  headings: string[] | null;
  outlinks: number;
  fetchedAt: string;
  depth: number;
  duplicateOf: string | null;
  truncated: boolean;
  errorKind: string | null;
}

export interface Listing<T> {
  items: T[];
  next: string | null;
}

/** What a person may do to a crawl in each state (the server refuses the rest with a 409 sentence). */
export const ACTIONS_BY_STATE: Record<CrawlState, CrawlAction[]> = {
  CREATED: ['start', 'stop'],
  RUNNING: ['pause', 'stop'],
  PAUSED: ['resume', 'stop'],
  STOPPED: [],
  FINISHED: [],
};

export const isFinal = (state: CrawlState) => state === 'STOPPED' || state === 'FINISHED';

const crawlPath = (id: string) => `/api/crawls/${encodeURIComponent(id)}`;

function listingPath(base: string, cursor: string | null, limit: number) {
  const query = new URLSearchParams({ limit: String(limit) });
  if (cursor) query.set('cursor', cursor);
  return `${base}?${query}`;
}

/** The crawler's REST calls: reads with the public client, control with the admin's. */
export const crawlerApi = {
  list: (api: ApiClient) => api.request<Listing<Crawl>>('GET', listingPath('/api/crawls', null, 100)),
  status: (api: ApiClient, id: string, signal?: AbortSignal) =>
    api.request<Crawl>('GET', crawlPath(id), undefined, signal),
  hosts: (api: ApiClient, id: string, signal?: AbortSignal) =>
    api.request<Listing<Host>>('GET', listingPath(`${crawlPath(id)}/hosts`, null, 100), undefined, signal),
  pages: (api: ApiClient, id: string, cursor: string | null) =>
    api.request<Listing<CrawledPage>>('GET', listingPath(`${crawlPath(id)}/pages`, cursor, 50)),
  create: (adminApi: ApiClient, definition: unknown) => adminApi.request<Crawl>('POST', '/api/crawls', definition),
  act: (adminApi: ApiClient, id: string, action: CrawlAction) =>
    adminApi.request<Crawl>('POST', `${crawlPath(id)}/${action}`),
};
