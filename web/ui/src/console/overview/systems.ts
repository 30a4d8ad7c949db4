/** A readiness check as `/health/ready` (name, status) and `/api/admin/health` (with its details) report it. */
export interface Check {
  name: string;
  status: 'UP' | 'DOWN';
  data?: Record<string, string | number | boolean>;
}

export interface HealthAnswer {
  status: 'UP' | 'DOWN';
  checks: Check[];
}

/** What each check watches, in the words the page shows. */
export const CHECK_LABELS: Record<string, string> = {
  redis: 'Redis',
  sql: 'SQL database',
  messaging: 'Messaging (JMS)',
  mongodb: 'Documents',
  idgen: 'ID generator',
  kv: 'KV node',
};

export const checkLabel = (name: string) => CHECK_LABELS[name] ?? name;

/** The checks in the order above (the server's order changes between answers), any other after them by name. */
export function inShownOrder(checks: Check[]): Check[] {
  const known = Object.keys(CHECK_LABELS);
  const rank = (name: string) => (known.includes(name) ? known.indexOf(name) : known.length);
  return [...checks].sort((a, b) => rank(a.name) - rank(b.name) || a.name.localeCompare(b.name));
}

export interface SystemEntry {
  name: string;
  summary: string;
  /** The readiness checks of what the system needs to serve. */
  needs: string[];
  /** Its console page (hash route), if it has one. */
  page?: string;
  /** Its document in the repository. */
  doc: string;
}

/** The five systems, in the README's order, with the backends each one needs (from their docs). */
export const SYSTEMS: SystemEntry[] = [
  { name: 'ID generator', summary: 'Snowflake 64-bit IDs from leased worker IDs', needs: ['idgen', 'redis', 'sql'],
    page: '/ids', doc: 'docs/idgen.md' },
  { name: 'Key-value store', summary: 'Dynamo-style replicated keys with siblings', needs: ['kv'],
    page: '/kv', doc: 'docs/kv.md' },
  { name: 'URL shortener', summary: 'short links, click events and daily stats', needs: ['idgen', 'redis', 'sql', 'messaging'],
    page: '/urls', doc: 'docs/shortener.md' },
  { name: 'Web crawler', summary: 'polite crawls from a shared Redis frontier', needs: ['redis', 'messaging', 'mongodb'],
    page: '/crawler', doc: 'docs/crawler.md' },
  { name: 'News feed', summary: 'posts, follows and live timelines', needs: ['idgen', 'redis', 'messaging', 'mongodb'],
    doc: 'docs/feed.md' },
];

/** `GET /api/platform/backends`: where each shared backend runs, for anyone (no addresses). */
export interface Backend {
  /** The name of its readiness check. */
  service: string;
  mode: 'embedded' | 'local' | 'external' | 'unknown';
}

/**
 * Where a check's backend runs: Redis, SQL, documents and messaging as the server reports them (embedded = started by
 * the server itself, local = found on the default port, external = configured); the ID generator and the KV node are
 * parts of this server. Null while not known.
 */
export function runsWhere(check: string, backends: Backend[] | null): string | null {
  if (check === 'idgen' || check === 'kv') return 'in this server';
  return backends?.find((backend) => backend.service === check)?.mode ?? null;
}

/** The details worth showing for a check, without the ones the page already says another way. */
export function detailsOf(check: Check): string {
  return Object.entries(check.data ?? {})
    .map(([key, value]) => `${key}: ${String(value)}`)
    .join('; ');
}
