// Issue 16: a like the server refuses rolls back, with the server's sentence shown under the post. The refusal is
// real: the author deletes the post through the API while it is on the reader's screen.
import { expectEqual, expectStatus, followAndPostViaApi, holdLikeRequest, likeState, logInInUi, postCard, userViaApi }
  from '../lib/feed.mjs';

export const title = 'a like the server refuses (post deleted meanwhile) rolls back and shows why';

export default async function likeRefused(t) {
  const author = await userViaApi(t, 'erin');
  const reader = await userViaApi(t, 'frank');
  const text = `About to vanish ${Date.now()}`;
  const post = await followAndPostViaApi(t, reader, author, text);

  const page = await t.newPerson('frank', { phone: true });
  await logInInUi(t, page, reader.handle);
  const card = postCard(page, text);
  await card.waitFor();

  expectStatus(await t.api('DELETE', `/api/feed/posts/${post.id}`, { token: author.token }), 204, 'delete');
  // The browser logs the refused request ("Failed to load resource: … status of 404"): expected here.
  t.allowConsoleError(/Failed to load resource: the server responded with a status of 4\d\d/);

  const request = await holdLikeRequest(page, post.id);
  await card.getByRole('button', { name: 'Like' }).click();
  await request.held;
  await t.until('the optimistic like', () => likeState(card), (s) => s.pressed === 'true' && s.count === '1');
  await request.release();

  await t.until('the like to roll back', () => likeState(card), (s) => s.pressed === 'false' && s.count === '0');
  // The sentence shown is the server's own: the problem+json the same refused call answers.
  const refusal = await t.api('PUT', `/api/feed/posts/${post.id}/like`, { token: reader.token });
  if (refusal.status < 400 || refusal.status > 499) {
    throw new Error(`liking the deleted post answered ${refusal.status}, not a 4xx refusal: ${refusal.text}`);
  }
  const sentence = refusal.json.detail || refusal.json.title;
  const shown = await card.getByRole('alert').textContent();
  expectEqual(shown.trim(), sentence.trim(), 'the message under the post');
  t.log(`rolled back with: ${shown.trim()}`);
  await t.screenshot(page, 'feed-like-refused');
}
