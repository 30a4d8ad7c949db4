import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { deferred, fakeFetch, json, makePost, problem, signedIn } from '../../test/fakeApi';
import { renderApp } from '../../test/renderApp';

function timelineWith(post = makePost({ id: '42', likes: 3 })) {
  return { 'GET /api/feed/timeline': () => json({ items: [post], next: null }), 'GET /api/feed/live': () => json({}) };
}

async function firstPost() {
  return within((await screen.findAllByTestId('post'))[0]);
}

/** Likes post 42 (3 likes) and leaves the server's answer to the test. */
async function likeWhileTheServerWaits() {
  signedIn();
  const answer = deferred<Response>();
  const server = fakeFetch({ ...timelineWith(), 'PUT /api/feed/posts/42/like': () => answer.promise });
  renderApp(server.impl);
  const post = await firstPost();
  await userEvent.click(post.getByRole('button', { name: 'Like' }));
  return { post, answer };
}

describe('like is optimistic', () => {
  it('counts the like at once, before the server answers, and keeps the server count after', async () => {
    const { post, answer } = await likeWhileTheServerWaits();

    expect(post.getByTestId('like-count')).toHaveTextContent('4');
    expect(post.getByRole('button', { name: 'Like' })).toHaveAttribute('aria-pressed', 'true');
    answer.resolve(json({ likes: 10, likedByMe: true }));
    await waitFor(() => expect(post.getByTestId('like-count')).toHaveTextContent('10'));
    expect(post.queryByRole('alert')).not.toBeInTheDocument();
  });

  it('rolls back and shows the server sentence when the like is refused', async () => {
    const { post, answer } = await likeWhileTheServerWaits();
    expect(post.getByTestId('like-count')).toHaveTextContent('4');
    answer.resolve(problem(403, 'Forbidden', 'You cannot like posts of an account that blocked you.'));

    expect(await post.findByRole('alert')).toHaveTextContent('You cannot like posts of an account that blocked you.');
    expect(post.getByTestId('like-count')).toHaveTextContent('3');
    expect(post.getByRole('button', { name: 'Like' })).toHaveAttribute('aria-pressed', 'false');
  });

  it('rolls back an unlike too', async () => {
    signedIn();
    const server = fakeFetch({
      ...timelineWith(makePost({ id: '42', likes: 5, likedByMe: true })),
      'DELETE /api/feed/posts/42/like': () => problem(503, 'Service Unavailable', 'Likes are paused; try again soon.'),
    });
    renderApp(server.impl);
    const post = await firstPost();

    await userEvent.click(post.getByRole('button', { name: 'Like' }));

    expect(await post.findByRole('alert')).toHaveTextContent('Likes are paused; try again soon.');
    expect(post.getByTestId('like-count')).toHaveTextContent('5');
    expect(post.getByRole('button', { name: 'Like' })).toHaveAttribute('aria-pressed', 'true');
  });

  it('rolls back a refused share, and puts an accepted one at the top of the timeline', async () => {
    signedIn();
    let refuse = true;
    const repost = makePost({ id: '43', author: 'alice', text: '', sharedFrom: { id: '42', author: 'bob', text: 'post 42', createdAt: new Date().toISOString() } });
    const server = fakeFetch({
      ...timelineWith(),
      'POST /api/feed/posts/42/shares': () => (refuse ? problem(429, 'Too Many Requests', 'Slow down: too many shares.') : json(repost, 201)),
    });
    renderApp(server.impl);
    let post = await firstPost();

    await userEvent.click(post.getByRole('button', { name: 'Share' }));
    expect(await post.findByRole('alert')).toHaveTextContent('Slow down: too many shares.');
    expect(post.getByTestId('share-count')).toHaveTextContent('0');

    refuse = false;
    await userEvent.click(post.getByRole('button', { name: 'Share' }));
    await waitFor(() => expect(screen.getAllByTestId('post')).toHaveLength(2));
    post = await firstPost();
    expect(post.getByText('Shared a post')).toBeInTheDocument();
    expect(within(screen.getAllByTestId('post')[1]).getByTestId('share-count')).toHaveTextContent('1');
  });
});
