// The harness's own smoke test, on a page that exists without the feed: the OpenAPI UI loads with no console
// errors, lists the API, and a "Try it out" of /api/ping from the browser gets pong.
export const title = 'OpenAPI UI loads and calls /api/ping from the browser';

export default async function smokeOpenApi(t) {
  const page = await t.newPerson('visitor');
  await t.goto(page, '/openapi/ui/');
  const ping = page.locator('.opblock', { has: page.locator('.opblock-summary-path', { hasText: /^\/api\/ping$/ }) });
  await ping.first().waitFor();
  await t.screenshot(page, 'openapi-ui');

  await ping.first().locator('.opblock-summary').click();
  await ping.first().getByRole('button', { name: 'Try it out' }).click();
  await ping.first().getByRole('button', { name: 'Execute' }).click();
  const body = ping.first().locator('.responses-wrapper .live-responses-table .response-col_description pre').first();
  const text = await t.until('the ping answer in the UI', () => body.textContent(), (s) => /pong/.test(s ?? ''));
  t.log(`ping answered in the browser: ${text.trim().slice(0, 80)}`);
}
