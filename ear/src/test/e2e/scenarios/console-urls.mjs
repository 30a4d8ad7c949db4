// Issue 17: the console's URL shortener page creates a link, a real click on it in the browser is counted by the
// click pipeline and charted (per day, referrer and agent family), and the rate-limit headers of the last call are shown.
import { expectFitsPhoneWidth } from '../lib/console.mjs';

export const title = 'the URL page creates a link, follows it, and charts the click by day, referrer and agent';

// The destination is on the internet; the browser is answered here instead (the redirect itself is the server's).
const DESTINATION = 'https://destination.example';

export default async function consoleUrls(t) {
  const page = await t.newPerson('ursula');
  await page.context().route(`${DESTINATION}/**`, (route) =>
    route.fulfill({ status: 200, contentType: 'text/html', body: '<title>Destination</title><p>Arrived.</p>' }));
  await t.goto(page, '/console/#/urls');

  const target = `${DESTINATION}/landing?run=${Date.now()}`;
  await page.getByLabel('Destination URL').fill(target);
  await page.getByLabel('Redirect type').selectOption('302');
  await page.getByRole('button', { name: 'Shorten' }).click();
  const created = page.getByRole('status');
  const shortLink = created.getByRole('link');
  const shortUrl = await shortLink.getAttribute('href');
  t.log(`created ${shortUrl} -> ${target}`);

  const rate = page.getByRole('region', { name: 'Rate limit of the last call' });
  await t.until('the rate-limit headers of a call', () => rate.textContent(),
    (text) => /answered (200|201)/.test(text) && /RateLimit-Remaining\d+/.test(text) && /RateLimit-Policy\d+;w=\d+/.test(text));

  // A click: the browser asks the shortener, which redirects (302) to the destination.
  const [tab] = await Promise.all([page.context().waitForEvent('page'), shortLink.click()]);
  await t.until('the click to land on the destination', () => tab.url(), (url) => url === target);
  t.log(`followed to ${tab.url()}`);
  await tab.close();

  const clicks = page.getByRole('region', { name: /^Clicks of / });
  await t.until('the click to be counted', () => clicks.getByTestId('total-clicks').textContent(),
    (total) => Number(total) >= 1, 60_000);
  // one bar for today, one for the referrer (this console page), one for the agent family (headless Chromium: a bot)
  await t.until('the charts to draw the click', () => clicks.locator('.recharts-bar-rectangle').count(), (n) => n >= 3);
  const agents = clicks.getByRole('figure', { name: 'Top agents' });
  const code = new URL(shortUrl).pathname.slice(1);
  const families = (await t.api('GET', `/api/urls/${code}/stats`)).json.topAgents.map((a) => a.agent);
  if (families.length === 0) throw new Error('the stats name no agent family');
  for (const family of families) {
    await agents.getByText(family, { exact: true }).waitFor();
  }
  t.log(`agents charted: ${families.join(', ')}`);
  t.log(`stats: ${await clicks.getByTestId('total-clicks').textContent()} click(s)`);
  await page.evaluate(() => window.scrollTo(0, 0));   // the sticky header where it belongs in a full-page shot
  await t.screenshot(page, 'console-urls', { fullPage: true });
  // At phone width nothing is wider than the screen: tables scroll inside their panels, charts shrink.
  await expectFitsPhoneWidth(t, page);
}
