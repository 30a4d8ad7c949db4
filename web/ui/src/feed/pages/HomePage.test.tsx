import { act, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { eventStream, fakeFetch, json, makePost, problem, signedIn } from '../../test/fakeApi';
import { renderApp } from '../../test/renderApp';

const texts = () => screen.getAllByTestId('post-text').map((p) => p.textContent);
const timelineCalls = (requests: { url: string }[]) => requests.filter((r) => r.url.startsWith('/api/feed/timeline'));

describe('home timeline', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('pages with the cursor the server gave until next is null', async () => {
    signedIn();
    const pages: Record<string, { items: ReturnType<typeof makePost>[]; next: string | null }> = {
      first: { items: [makePost({ id: '30', text: 'third' }), makePost({ id: '20', text: 'second' })], next: 'opaque:20' },
      'opaque:20': { items: [makePost({ id: '10', text: 'first' })], next: null },
    };
    const server = fakeFetch({
      'GET /api/feed/timeline': (r) => json(pages[new URL(r.url, 'http://x').searchParams.get('cursor') ?? 'first']),
      'GET /api/feed/live': () => eventStream().response,
    });
    renderApp(server.impl);

    await waitFor(() => expect(texts()).toEqual(['third', 'second']));
    await userEvent.click(screen.getByRole('button', { name: 'Load more posts' }));

    await waitFor(() => expect(texts()).toEqual(['third', 'second', 'first']));
    expect(screen.getByText("You're all caught up.")).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Load more posts' })).not.toBeInTheDocument();
    const calls = timelineCalls(server.requests).map((r) => new URL(r.url, 'http://x').searchParams);
    expect(calls.map((q) => q.get('cursor'))).toEqual([null, 'opaque:20']);
    expect(calls.every((q) => q.get('limit') === '20')).toBe(true);
    expect(server.requests[0].headers.Authorization).toBe('Bearer token-of-alice');
  });

  it('loads the next page when the end of the list scrolls into view', async () => {
    const observers: IntersectionObserverCallback[] = [];
    vi.stubGlobal('IntersectionObserver', class {
      constructor(callback: IntersectionObserverCallback) { observers.push(callback); }
      observe() {}
      disconnect() {}
    });
    signedIn();
    const server = fakeFetch({
      'GET /api/feed/timeline': (r) => r.url.includes('cursor=')
        ? json({ items: [makePost({ text: 'older' })], next: null })
        : json({ items: [makePost({ text: 'newer' })], next: 'c2' }),
      'GET /api/feed/live': () => eventStream().response,
    });
    renderApp(server.impl);
    await waitFor(() => expect(texts()).toEqual(['newer']));

    act(() => observers.at(-1)!([{ isIntersecting: true } as IntersectionObserverEntry], {} as IntersectionObserver));

    await waitFor(() => expect(texts()).toEqual(['newer', 'older']));
    expect(timelineCalls(server.requests)).toHaveLength(2);
  });

  it('shows a live "new posts" notice on an SSE event and loads them when asked', async () => {
    signedIn();
    const live = eventStream();
    let fresh = false;
    const server = fakeFetch({
      'GET /api/feed/timeline': () =>
        json({ items: [...(fresh ? [makePost({ id: '99', text: 'hot off the press' })] : []), makePost({ id: '1', text: 'old' })], next: null }),
      'GET /api/feed/live': () => live.response,
    });
    renderApp(server.impl);
    await waitFor(() => expect(texts()).toEqual(['old']));
    expect(screen.queryByTestId('live-notice')).not.toBeInTheDocument();

    fresh = true;
    live.send(': heartbeat\n\n');
    live.send('event: post\ndata: {"id":"98","author":"alice"}\n\n'); // her own: already on top when published
    // a redelivered fanout message announces the same post again: still one new post (one chunk, one render)
    live.send('event: post\ndata: {"id":"99","author":"bob"}\n\n'.repeat(2));

    const notice = await screen.findByRole('button', { name: 'Show 1 new post' });
    expect(server.requests.find((r) => r.url === '/api/feed/live')!.headers).toMatchObject({
      Authorization: 'Bearer token-of-alice',
      Accept: 'text/event-stream',
    });
    await userEvent.click(notice);

    await waitFor(() => expect(texts()).toEqual(['hot off the press', 'old']));
    expect(screen.queryByTestId('live-notice')).not.toBeInTheDocument();
  });

  it('publishes from the composer and puts the new post on top', async () => {
    signedIn();
    const server = fakeFetch({
      'GET /api/feed/timeline': () => json({ items: [makePost({ text: 'older' })], next: null }),
      'GET /api/feed/live': () => eventStream().response,
      'POST /api/feed/posts': (r) => json(makePost({ author: 'alice', text: (r.body as { text: string }).text }), 201),
    });
    renderApp(server.impl);
    await waitFor(() => expect(texts()).toEqual(['older']));

    await userEvent.type(screen.getByLabelText("What's happening?"), 'Hello, feed!');
    await userEvent.click(screen.getByRole('button', { name: 'Post' }));

    await waitFor(() => expect(texts()).toEqual(['Hello, feed!', 'older']));
    expect(screen.getByLabelText("What's happening?")).toHaveValue('');
  });

  it('goes back to log-in, signed out, when the server says the token is no longer good', async () => {
    signedIn();
    const server = fakeFetch({
      'GET /api/feed/timeline': () => problem(401, 'Unauthorized', 'Your session has expired. Log in again.'),
      'GET /api/feed/live': () => problem(401, 'Unauthorized', 'Your session has expired. Log in again.'),
    });
    renderApp(server.impl);

    expect(await screen.findByRole('heading', { name: 'Log in' })).toBeInTheDocument();
    expect(screen.getByRole('status')).toHaveTextContent('Your session has ended');
    expect(window.location.hash).toBe('#/login');
    expect(sessionStorage.getItem('practical-feed.session')).toBeNull();
    expect(within(screen.getByRole('navigation', { name: 'Main' })).getByRole('link', { name: 'Log in' })).toBeInTheDocument();
  });

  it('sends a signed-out visitor to log-in', async () => {
    const server = fakeFetch({});
    renderApp(server.impl);
    expect(await screen.findByRole('heading', { name: 'Log in' })).toBeInTheDocument();
    expect(server.requests).toHaveLength(0);
  });
});
