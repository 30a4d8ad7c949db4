// Issue 16: two people sign up through the UI, one follows the other from the profile page, the other posts, and
// the post reaches the follower's open home timeline live — a "new post" notice, then the post, with no reload.
import { home, postCard, signUpInUi } from '../lib/feed.mjs';
import { uniqueHandle } from '../lib/scenario.mjs';

export const title = 'sign up two users in the UI, follow, post, the post arrives live in the other browser';

export default async function signUpFollowLive(t) {
  const alice = uniqueHandle('alice');
  const bob = uniqueHandle('bob');
  const alicePage = await t.newPerson('alice');
  const bobPage = await t.newPerson('bob', { phone: true });

  await t.goto(alicePage, '/feed/#/signup');
  await alicePage.getByRole('form', { name: 'Sign up' }).waitFor();
  await t.screenshot(alicePage, 'feed-signup');
  await signUpInUi(t, alicePage, alice, 'Alice');
  await signUpInUi(t, bobPage, bob, 'Bob');

  // Alice follows Bob from his profile page; the server agrees.
  await t.goto(alicePage, `/feed/#/u/${bob}`);
  await alicePage.getByRole('button', { name: 'Follow', exact: true }).click();
  await alicePage.getByRole('button', { name: 'Unfollow' }).waitFor();
  await t.until('the profile to count the follower', () => alicePage.getByTestId('profile-followers').textContent(),
    (count) => count?.trim() === '1');
  const profile = await t.until(`@${bob} has a follower`, () => t.api('GET', `/api/feed/users/${bob}`),
    (r) => r.status === 200 && r.json.followers === 1);
  t.log(`@${bob}: ${profile.json.followers} follower`);
  await t.screenshot(alicePage, 'feed-profile');

  // Alice's home timeline is open and its live stream connected before Bob posts, so the post can only reach her
  // live. A mark on the window tells a full page reload apart from the app updating itself.
  const liveConnected = alicePage.waitForResponse((r) => r.url().includes('/api/feed/live') && r.status() === 200);
  await t.goto(alicePage, '/feed/#/');
  await home(alicePage).waitFor();
  await liveConnected;
  await alicePage.evaluate(() => { window.e2eNoReloadMark = true; });

  const text = `Hello from Bob, live ${Date.now()}`;
  await bobPage.getByLabel("What's happening?").fill(text);
  await bobPage.getByRole('button', { name: 'Post', exact: true }).click();
  await postCard(bobPage, text).waitFor();
  await t.screenshot(bobPage, 'feed-home-phone');

  const notice = alicePage.getByRole('button', { name: /^Show \d+ new posts?$/ });
  await notice.waitFor();
  await t.screenshot(alicePage, 'feed-live-notice');
  await notice.click();
  await postCard(alicePage, text).waitFor();
  if (!(await alicePage.evaluate(() => window.e2eNoReloadMark === true))) {
    throw new Error('the page was reloaded: the post should arrive without a reload');
  }
  await t.screenshot(alicePage, 'feed-home');
}
