/**
 * An API call the server refused or could not answer, carrying the sentence to show a person: the RFC 9457
 * problem's `detail`, else its `title`, else a sentence of our own.
 */
export class ApiError extends Error {
  readonly status: number;
  readonly title?: string;
  readonly detail?: string;
  /** The answer's `Retry-After` in seconds (a 503 or 429 says when to try again), if it had one. */
  readonly retryAfterSeconds?: number;
  /** The failed response's headers (e.g. `RateLimit-*`), set by the ApiClient that made the call. */
  headers?: Headers;

  constructor(status: number, message: string, title?: string, detail?: string, retryAfterSeconds?: number) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.title = title;
    this.detail = detail;
    this.retryAfterSeconds = retryAfterSeconds;
  }
}

interface ProblemJson {
  title?: unknown;
  detail?: unknown;
}

const nonEmpty = (value: unknown): string | undefined =>
  typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;

/** Reads an error response into an ApiError; never throws itself. */
export async function problemFrom(response: Response): Promise<ApiError> {
  let body: ProblemJson | undefined;
  const type = response.headers.get('Content-Type') ?? '';
  if (type.includes('json')) {
    try {
      body = (await response.json()) as ProblemJson;
    } catch {
      body = undefined;
    }
  }
  const title = nonEmpty(body?.title);
  const detail = nonEmpty(body?.detail);
  const fallback = `The server answered ${response.status}${response.statusText ? ` ${response.statusText}` : ''}.`;
  const retryAfter = Number.parseInt(response.headers.get('Retry-After') ?? '', 10);
  return new ApiError(response.status, detail ?? title ?? fallback, title, detail,
    Number.isFinite(retryAfter) ? retryAfter : undefined);
}

/** The sentence to show for anything an API call threw. */
export function messageOf(error: unknown): string {
  if (error instanceof ApiError) return error.message;
  if (error instanceof TypeError) return 'Could not reach the server. Check your connection and try again.';
  return 'Something went wrong. Please try again.';
}
