import type { ApiClient } from './client';
import type { Account, Comment, LikeState, Page, Post, Profile, Session } from './types';

const enc = encodeURIComponent;

function paged(path: string, cursor: string | null, limit: number): string {
  const query = new URLSearchParams({ limit: String(limit) });
  if (cursor) query.set('cursor', cursor);
  return `${path}?${query}`;
}

/** The feed's REST API (`/api/feed`), one function per call. */
export function feedApi(client: ApiClient) {
  return {
    signUp: (handle: string, password: string, displayName?: string) =>
      client.request<Account>('POST', '/api/feed/users', displayName ? { handle, password, displayName } : { handle, password }),
    logIn: (handle: string, password: string) =>
      client.request<Session>('POST', '/api/feed/sessions', { handle, password }),

    timeline: (cursor: string | null, limit = 20) =>
      client.request<Page<Post>>('GET', paged('/api/feed/timeline', cursor, limit)),
    userPosts: (handle: string, cursor: string | null, limit = 20) =>
      client.request<Page<Post>>('GET', paged(`/api/feed/users/${enc(handle)}/posts`, cursor, limit)),
    profile: (handle: string) => client.request<Profile>('GET', `/api/feed/users/${enc(handle)}`),
    follow: (handle: string) => client.request<void>('PUT', `/api/feed/follows/${enc(handle)}`),
    unfollow: (handle: string) => client.request<void>('DELETE', `/api/feed/follows/${enc(handle)}`),
    block: (handle: string) => client.request<void>('PUT', `/api/feed/blocks/${enc(handle)}`),
    unblock: (handle: string) => client.request<void>('DELETE', `/api/feed/blocks/${enc(handle)}`),

    post: (id: string) => client.request<Post>('GET', `/api/feed/posts/${enc(id)}`),
    publish: (text: string) => client.request<Post>('POST', '/api/feed/posts', { text }),
    remove: (id: string) => client.request<void>('DELETE', `/api/feed/posts/${enc(id)}`),
    like: (id: string) => client.request<LikeState>('PUT', `/api/feed/posts/${enc(id)}/like`),
    unlike: (id: string) => client.request<LikeState>('DELETE', `/api/feed/posts/${enc(id)}/like`),
    share: (id: string) => client.request<Post>('POST', `/api/feed/posts/${enc(id)}/shares`, {}),
    comments: (id: string, cursor: string | null, limit = 20) =>
      client.request<Page<Comment>>('GET', paged(`/api/feed/posts/${enc(id)}/comments`, cursor, limit)),
    comment: (id: string, text: string) => client.request<Comment>('POST', `/api/feed/posts/${enc(id)}/comments`, { text }),

    /** The live stream's response; its body is read by `live.ts`. */
    live: (signal: AbortSignal) => client.send('GET', '/api/feed/live', undefined, signal, 'text/event-stream'),
  };
}

export type FeedApi = ReturnType<typeof feedApi>;
