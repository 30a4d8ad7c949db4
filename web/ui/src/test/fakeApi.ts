import { vi } from 'vitest';
import type { Post, Session } from '../api/types';

/** A request the app made through the stubbed `fetch`. */
export interface Recorded {
  method: string;
  url: string;
  headers: Record<string, string>;
  body: unknown;
}

/** JSON bodies parsed; a text body (the KV API's values) kept as the text. */
const parseBody = (text: string): unknown => {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
};

type Handler = (request: Recorded) => Response | Promise<Response>;

export const json = (body: unknown, status = 200) =>
  new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });

export const problem = (status: number, title: string, detail?: string) =>
  new Response(JSON.stringify({ type: 'about:blank', title, status, ...(detail ? { detail } : {}) }), {
    status,
    headers: { 'Content-Type': 'application/problem+json' },
  });

/**
 * Stands in for the browser's `fetch` (the boundary between the app and the server): routes `METHOD /path` to
 * handlers, records every request, and answers 404 problem+json for anything unrouted.
 */
export function fakeFetch(routes: Record<string, Handler>) {
  const requests: Recorded[] = [];
  const impl = vi.fn(async (input: RequestInfo | URL, init: RequestInit = {}) => {
    const url = String(input);
    const request: Recorded = {
      method: init.method ?? 'GET',
      url,
      headers: (init.headers ?? {}) as Record<string, string>,
      body: typeof init.body === 'string' ? parseBody(init.body) : undefined,
    };
    requests.push(request);
    const path = url.split('?')[0];
    const handler = routes[`${request.method} ${path}`];
    if (!handler) return problem(404, 'Not Found', `No stub for ${request.method} ${path}.`);
    return handler(request);
  });
  return { impl: impl as unknown as typeof fetch, requests };
}

/** A response whose body stays open; `send` writes Server-Sent Events text into it, `end` closes it. */
export function eventStream() {
  let controller!: ReadableStreamDefaultController<Uint8Array>;
  const body = new ReadableStream<Uint8Array>({ start: (c) => { controller = c; } });
  const encoder = new TextEncoder();
  return {
    response: new Response(body, { status: 200, headers: { 'Content-Type': 'text/event-stream' } }),
    send: (text: string) => controller.enqueue(encoder.encode(text)),
    end: () => controller.close(),
  };
}

export function signedIn(handle = 'alice'): Session {
  const session = { token: `token-of-${handle}`, handle, expiresAt: new Date(Date.now() + 3_600_000).toISOString() };
  sessionStorage.setItem('practical-feed.session', JSON.stringify(session));
  return session;
}

let nextId = 1000;

export function makePost(overrides: Partial<Post> = {}): Post {
  const id = overrides.id ?? String(nextId++);
  return {
    id,
    author: 'bob',
    authorDisplayName: 'Bob',
    text: `post ${id}`,
    createdAt: new Date().toISOString(),
    replyTo: null,
    sharedFrom: null,
    likes: 0,
    comments: 0,
    shares: 0,
    likedByMe: false,
    deliveredBy: 'PUSH',
    ...overrides,
  };
}

/** A promise to settle later, for looking at the screen while a request is still in flight. */
export function deferred<T>() {
  let resolve!: (value: T) => void;
  const promise = new Promise<T>((r) => { resolve = r; });
  return { promise, resolve };
}
