// The news feed's UI (served at /feed/, hash routes) and API as the feed scenarios use them. Locators are the
// accessible names people see (labels, button names, headings), plus the few data-testid the UI documents.
import { uniqueHandle } from './scenario.mjs';

export const PASSWORD = 'correct horse battery';

export const home = (page) => page.getByRole('heading', { level: 1, name: 'Home' });

/** The post card in a list showing exactly this text. */
export const postCard = (page, text) => page.getByRole('article').filter({
  has: page.getByTestId('post-text').getByText(text, { exact: true }),
});

/** Signs up through the UI's #/signup form; the app then logs in and shows the home timeline. */
export async function signUpInUi(t, page, handle, displayName) {
  await t.goto(page, '/feed/#/signup');
  const form = page.getByRole('form', { name: 'Sign up' });
  await form.getByLabel('Handle').fill(handle);
  if (displayName) await form.getByLabel('Display name (optional)').fill(displayName);
  await form.getByLabel('Password', { exact: true }).fill(PASSWORD);
  await form.getByRole('button', { name: 'Sign up' }).click();
  await home(page).waitFor();
  t.log(`signed up @${handle} in the UI`);
}

/** Logs in through the UI's #/login form. */
export async function logInInUi(t, page, handle) {
  await t.goto(page, '/feed/#/login');
  const form = page.getByRole('form', { name: 'Log in' });
  await form.getByLabel('Handle').fill(handle);
  await form.getByLabel('Password', { exact: true }).fill(PASSWORD);
  await form.getByRole('button', { name: 'Log in' }).click();
  await home(page).waitFor();
  t.log(`logged in @${handle} in the UI`);
}

/** A user made through the API (for scenarios about something else than signing up): handle and token. */
export async function userViaApi(t, prefix) {
  const handle = uniqueHandle(prefix);
  const created = await t.api('POST', '/api/feed/users', { body: { handle, password: PASSWORD } });
  expectStatus(created, 201, `sign-up of @${handle}`);
  const session = await t.api('POST', '/api/feed/sessions', { body: { handle, password: PASSWORD } });
  expectStatus(session, 200, `log-in of @${handle}`);
  return { handle, token: session.json.token };
}

/** reader follows author, author posts text: returns the post once it is in reader's home timeline (fanout is async). */
export async function followAndPostViaApi(t, reader, author, text) {
  expectStatus(await t.api('PUT', `/api/feed/follows/${author.handle}`, { token: reader.token }), 204, 'follow');
  const posted = await t.api('POST', '/api/feed/posts', { token: author.token, body: { text } });
  expectStatus(posted, 201, 'post');
  await t.until(`post ${posted.json.id} in @${reader.handle}'s timeline`,
    () => t.api('GET', '/api/feed/timeline?limit=20', { token: reader.token }),
    (r) => r.status === 200 && r.json.items.some((p) => p.id === posted.json.id));
  return posted.json;
}

/**
 * Holds the browser's next like/unlike request of this post until release() is called, so the scenario can look at
 * the page while the server has not answered yet: what it sees then is the optimistic update, not the answer.
 */
export async function holdLikeRequest(page, postId) {
  const pattern = `**/api/feed/posts/${postId}/like`;
  let arrived;
  const held = new Promise((resolve) => { arrived = resolve; });
  await page.route(pattern, (route) => arrived(route));
  return {
    held,
    async release() {
      const route = await held;
      await route.continue();
      await page.unroute(pattern);
    },
  };
}

/** The like button's state as a person (or a screen reader) sees it. */
export async function likeState(card) {
  const button = card.getByRole('button', { name: 'Like' });
  return {
    pressed: await button.getAttribute('aria-pressed'),
    count: (await card.getByTestId('like-count').textContent())?.trim(),
  };
}

export function expectStatus(response, status, what) {
  if (response.status !== status) {
    throw new Error(`${what}: expected HTTP ${status}, got ${response.status}: ${response.text.slice(0, 300)}`);
  }
}

export function expectEqual(actual, expected, what) {
  if (JSON.stringify(actual) !== JSON.stringify(expected)) {
    throw new Error(`${what}: expected ${JSON.stringify(expected)}, got ${JSON.stringify(actual)}`);
  }
}
