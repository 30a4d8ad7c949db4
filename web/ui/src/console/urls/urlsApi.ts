import { ApiError, type ApiClient, type Method } from '../../api/client';

/** A short link as `/api/urls` answers it (docs/shortener.md). */
export interface ShortLink {
  code: string;
  shortUrl: string;
  url: string;
  redirectType: number;
  customAlias: boolean;
  createdAt: string;
  updatedAt: string;
  expiresAt: string | null;
  expired: boolean;
}

/** `GET /api/urls/{code}/stats`: all-time total, clicks per UTC day, top referrer hosts, top user-agent families. */
export interface LinkStats {
  code: string;
  total: number;
  perDay: { day: string; clicks: number }[];
  topReferrers: { host: string; clicks: number }[];
  topAgents: { agent: string; clicks: number }[];
}

export interface NewLink {
  url: string;
  alias?: string;
  expiresAt?: string;
  redirectType: 301 | 302;
}

/** The rate-limit fields of one answer (draft-ietf-httpapi-ratelimit-headers-06, see docs/ratelimit.md). */
export interface RateLimitSeen {
  call: string;
  status: number;
  limit: string | null;
  remaining: string | null;
  reset: string | null;
  policy: string | null;
  retryAfter: string | null;
}

function rateLimitOf(call: string, status: number, headers: Headers | undefined): RateLimitSeen {
  const get = (name: string) => headers?.get(name) ?? null;
  return {
    call,
    status,
    limit: get('RateLimit-Limit'),
    remaining: get('RateLimit-Remaining'),
    reset: get('RateLimit-Reset'),
    policy: get('RateLimit-Policy'),
    retryAfter: get('Retry-After'),
  };
}

/**
 * The shortener's calls, each sending the tab's API key (when there is one) as `X-Api-Key` and reporting the answer's
 * rate-limit headers, refusals (429) included.
 */
export class UrlsApi {
  constructor(
    private readonly api: ApiClient,
    private readonly apiKey: string,
    private readonly onRateLimit: (seen: RateLimitSeen) => void,
  ) {}

  get hasKey(): boolean {
    return this.apiKey !== '';
  }

  create(link: NewLink): Promise<ShortLink> {
    return this.call('POST', '/api/urls', link);
  }

  mine(): Promise<ShortLink[]> {
    return this.call('GET', '/api/urls?size=50');
  }

  stats(code: string, signal?: AbortSignal): Promise<LinkStats> {
    return this.call('GET', `/api/urls/${encodeURIComponent(code)}/stats`, undefined, signal);
  }

  private async call<T>(method: Method, path: string, body?: unknown, signal?: AbortSignal): Promise<T> {
    const name = `${method} ${path.split('?')[0]}`;
    const headers: Record<string, string> = this.apiKey ? { 'X-Api-Key': this.apiKey } : {};
    try {
      const response = await this.api.send(method, path, body, signal, 'application/json', headers);
      this.onRateLimit(rateLimitOf(name, response.status, response.headers));
      return (await response.json()) as T;
    } catch (error) {
      if (error instanceof ApiError) this.onRateLimit(rateLimitOf(name, error.status, error.headers));
      throw error;
    }
  }
}
