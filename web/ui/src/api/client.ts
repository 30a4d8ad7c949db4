import { ApiError, problemFrom } from './problem';

/** What the client needs from its surroundings: where the token is and what to do when it stops being accepted. */
export interface ClientOptions {
  token: () => string | null;
  /** How the token is sent: the feed's JWT as `Bearer` (the default), the console's admin credentials as `Basic`. */
  scheme?: 'Bearer' | 'Basic';
  /** Called when a call made with a token is answered 401 (expired or revoked): sign out, back to log-in. */
  onUnauthorized: () => void;
  fetchImpl?: typeof fetch;
}

export type Method = 'GET' | 'POST' | 'PUT' | 'DELETE';

/** A fetch wrapper for `/api/...`: JSON in and out, `Authorization` when signed in, problem+json errors. */
export class ApiClient {
  constructor(private readonly options: ClientOptions) {}

  async request<T>(method: Method, path: string, body?: unknown, signal?: AbortSignal): Promise<T> {
    const response = await this.send(method, path, body, signal);
    if (response.status === 204) return undefined as T;
    const text = await response.text();
    return (text === '' ? undefined : JSON.parse(text)) as T;
  }

  /** A GET whose listed error statuses are answers too (`/health/ready` says which checks are down with a 503). */
  async getAnswer<T>(path: string, alsoOk: number[], signal?: AbortSignal): Promise<T> {
    const response = await this.fetchRaw('GET', path, undefined, signal, 'application/json');
    if (!response.ok && !alsoOk.includes(response.status)) throw await this.refused(response, this.options.token() != null);
    return (await response.json()) as T;
  }

  /**
   * The raw response of a successful call (the live stream reads its body itself; the console reads its headers).
   * `extraHeaders` go with this call only (e.g. an `X-Api-Key`); a failure's `ApiError.headers` are the response's.
   */
  async send(
    method: Method,
    path: string,
    body?: unknown,
    signal?: AbortSignal,
    accept = 'application/json',
    extraHeaders: Record<string, string> = {},
  ): Promise<Response> {
    const response = await this.fetchRaw(method, path, body, signal, accept, extraHeaders);
    if (response.ok) return response;
    throw await this.refused(response, this.options.token() != null);
  }

  /** A call whose body is plain text, with headers of its own (the KV API: the value as is, the causal context). */
  async sendText(method: Method, path: string, text: string | undefined, extraHeaders: Record<string, string> = {}): Promise<Response> {
    const token = this.options.token();
    const headers: Record<string, string> = { Accept: 'application/json', ...extraHeaders };
    if (token) headers.Authorization = `${this.options.scheme ?? 'Bearer'} ${token}`;
    if (text !== undefined) headers['Content-Type'] = 'text/plain; charset=utf-8';
    const response = await (this.options.fetchImpl ?? fetch)(path, { method, headers, body: text });
    if (response.ok) return response;
    throw await this.refused(response, token != null);
  }

  private async refused(response: Response, sentToken: boolean): Promise<ApiError> {
    const error = await problemFrom(response);
    error.headers = response.headers;
    if (response.status === 401 && sentToken) this.options.onUnauthorized();
    return error;
  }

  private fetchRaw(
    method: Method,
    path: string,
    body: unknown,
    signal: AbortSignal | undefined,
    accept: string,
    extraHeaders: Record<string, string> = {},
  ): Promise<Response> {
    const token = this.options.token();
    const headers: Record<string, string> = { ...extraHeaders, Accept: accept };
    if (token) headers.Authorization = `${this.options.scheme ?? 'Bearer'} ${token}`;
    if (body !== undefined) headers['Content-Type'] = 'application/json';
    const doFetch = this.options.fetchImpl ?? fetch;
    return doFetch(path, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
      signal,
    });
  }
}

export { ApiError };
