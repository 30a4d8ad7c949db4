// Issue 16: a like shows at once (before the server has answered), then the server's answer keeps it, and it is
// still there after a reload.
import { expectEqual, followAndPostViaApi, holdLikeRequest, likeState, logInInUi, postCard, userViaApi }
  from '../lib/feed.mjs';

export const title = 'a like shows before the server answers, and the server keeps it';

export default async function likeOptimistic(t) {
  const author = await userViaApi(t, 'carol');
  const reader = await userViaApi(t, 'dave');
  const text = `Like me, optimistically ${Date.now()}`;
  const post = await followAndPostViaApi(t, reader, author, text);

  const page = await t.newPerson('dave');
  await logInInUi(t, page, reader.handle);
  const card = postCard(page, text);
  await card.waitFor();
  expectEqual(await likeState(card), { pressed: 'false', count: '0' }, 'before the like');

  const request = await holdLikeRequest(page, post.id);
  await card.getByRole('button', { name: 'Like' }).click();
  await request.held;   // the PUT has left the browser and the server has not seen it yet
  await t.until('the optimistic like', () => likeState(card), (s) => s.pressed === 'true' && s.count === '1');
  t.log('optimistic: liked, 1, while the request was held');
  await request.release();

  const stored = await t.until('the server to count the like',
    () => t.api('GET', `/api/feed/posts/${post.id}`, { token: reader.token }),
    (r) => r.status === 200 && r.json.likes === 1 && r.json.likedByMe === true);
  t.log(`server: likes ${stored.json.likes}, likedByMe ${stored.json.likedByMe}`);
  expectEqual(await likeState(card), { pressed: 'true', count: '1' }, 'after the server answered');

  await page.reload();
  await t.until('the like after a reload', () => likeState(postCard(page, text)),
    (s) => s.pressed === 'true' && s.count === '1');
}
