import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { deferred, eventStream, fakeFetch, json, makePost, problem, signedIn } from '../../test/fakeApi';
import { renderApp } from '../../test/renderApp';

const profileOf = (handle: string, followedByMe = false) => ({
  id: '5', handle, displayName: handle.toUpperCase(), createdAt: new Date().toISOString(),
  followers: 7, following: 2, posts: 1, followedByMe, blockedByMe: false,
});

describe('sign-up and log-in', () => {
  it('creates the account, logs in, keeps the token in sessionStorage only and opens the timeline', async () => {
    const server = fakeFetch({
      'POST /api/feed/users': (r) => json({ id: '1', handle: (r.body as { handle: string }).handle }, 201),
      'POST /api/feed/sessions': () => json({ token: 'jwt-1', handle: 'dora', expiresAt: new Date(Date.now() + 60_000).toISOString() }),
      'GET /api/feed/timeline': () => json({ items: [], next: null }),
      'GET /api/feed/live': () => eventStream().response,
    });
    renderApp(server.impl, '#/signup');

    await userEvent.type(await screen.findByLabelText('Handle'), 'Dora');
    await userEvent.type(screen.getByLabelText('Password'), 'correct horse');
    await userEvent.click(screen.getByRole('button', { name: 'Sign up' }));

    expect(await screen.findByRole('heading', { name: 'Home' })).toBeInTheDocument();
    expect(server.requests[0].body).toEqual({ handle: 'dora', password: 'correct horse' });
    expect(JSON.parse(sessionStorage.getItem('practical-feed.session')!).token).toBe('jwt-1');
    expect(localStorage.length).toBe(0);
    await waitFor(() => expect(server.requests.at(-1)!.headers.Authorization).toBe('Bearer jwt-1'));
  });

  it('shows the server sentence when log-in is refused', async () => {
    const server = fakeFetch({ 'POST /api/feed/sessions': () => problem(401, 'Unauthorized', 'Wrong handle or password.') });
    renderApp(server.impl, '#/login');

    await userEvent.type(await screen.findByLabelText('Handle'), 'dora');
    await userEvent.type(screen.getByLabelText('Password'), 'nope-nope');
    await userEvent.click(screen.getByRole('button', { name: 'Log in' }));

    expect(await screen.findByRole('alert')).toHaveTextContent('Wrong handle or password.');
    expect(sessionStorage.length).toBe(0);
  });
});

describe('profile', () => {
  it('follows optimistically and rolls back with the sentence when refused', async () => {
    signedIn();
    const answer = deferred<Response>();
    const server = fakeFetch({
      'GET /api/feed/users/bob': () => json(profileOf('bob')),
      'GET /api/feed/users/bob/posts': () => json({ items: [makePost({ text: 'bob writes' })], next: null }),
      'PUT /api/feed/follows/bob': () => answer.promise,
    });
    renderApp(server.impl, '#/u/bob');

    await userEvent.click(await screen.findByRole('button', { name: 'Follow' }));
    expect(screen.getByTestId('profile-followers')).toHaveTextContent('8');
    expect(screen.getByRole('button', { name: 'Unfollow' })).toBeInTheDocument();

    answer.resolve(problem(403, 'Forbidden', 'You cannot follow @bob.'));
    expect(await screen.findByRole('alert')).toHaveTextContent('You cannot follow @bob.');
    expect(screen.getByTestId('profile-followers')).toHaveTextContent('7');
    expect(screen.getByRole('button', { name: 'Follow' })).toBeInTheDocument();
    expect(screen.getByText('bob writes')).toBeInTheDocument();
  });

  it('blocks optimistically: no longer following, no Follow button; a refused block is put back', async () => {
    signedIn();
    let refuse = false;
    const server = fakeFetch({
      'GET /api/feed/users/bob': () => json(profileOf('bob', true)),
      'GET /api/feed/users/bob/posts': () => json({ items: [], next: null }),
      'PUT /api/feed/blocks/bob': () => (refuse ? problem(503, 'Service Unavailable', 'Blocking is unavailable right now.') : new Response(null, { status: 204 })),
      'DELETE /api/feed/blocks/bob': () => new Response(null, { status: 204 }),
    });
    renderApp(server.impl, '#/u/bob');

    await userEvent.click(await screen.findByRole('button', { name: 'Block' }));
    expect(screen.getByRole('button', { name: 'Unblock' })).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: /follow/i })).not.toBeInTheDocument();
    expect(screen.getByTestId('profile-followers')).toHaveTextContent('6');
    await waitFor(() => expect(server.requests.map((r) => r.method + ' ' + r.url)).toContain('PUT /api/feed/blocks/bob'));

    await userEvent.click(screen.getByRole('button', { name: 'Unblock' }));
    await screen.findByRole('button', { name: 'Follow' });
    refuse = true;
    await userEvent.click(screen.getByRole('button', { name: 'Block' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('Blocking is unavailable right now.');
    expect(screen.getByRole('button', { name: 'Block' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Follow' })).toBeInTheDocument();
  });
});

describe('post page', () => {
  it('shows a comment at once, then the saved one; a refused comment goes away with the sentence', async () => {
    signedIn();
    const answers = [deferred<Response>(), deferred<Response>()];
    let call = 0;
    const server = fakeFetch({
      'GET /api/feed/posts/42': () => json(makePost({ id: '42', comments: 1 })),
      'GET /api/feed/posts/42/comments': () => json({ items: [{ id: 'c1', postId: '42', author: 'bob', text: 'first!', createdAt: new Date().toISOString() }], next: null }),
      'POST /api/feed/posts/42/comments': () => answers[call++].promise,
    });
    renderApp(server.impl, '#/p/42');
    const box = await screen.findByLabelText('Add a comment');

    await userEvent.type(box, 'nice one');
    await userEvent.click(screen.getByRole('button', { name: 'Comment' }));
    const list = screen.getByTestId('comment-list');
    expect(within(list).getByText('nice one')).toBeInTheDocument();
    expect(screen.getByTestId('comment-count')).toHaveTextContent('2');
    answers[0].resolve(json({ id: 'c2', postId: '42', author: 'alice', text: 'nice one', createdAt: new Date().toISOString() }, 201));
    await waitFor(() => expect(box).toHaveValue(''));

    await userEvent.type(box, 'too much');
    await userEvent.click(screen.getByRole('button', { name: 'Comment' }));
    expect(within(list).getByText('too much')).toBeInTheDocument();
    answers[1].resolve(problem(429, 'Too Many Requests', 'You are commenting too fast.'));

    expect(await screen.findByRole('alert')).toHaveTextContent('You are commenting too fast.');
    expect(within(list).queryByText('too much')).not.toBeInTheDocument();
    expect(within(list).getAllByTestId('comment')).toHaveLength(2);
    expect(screen.getByTestId('comment-count')).toHaveTextContent('2');
    expect(box).toHaveValue('too much');
  });
});
