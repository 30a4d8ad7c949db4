// Issue 17: the console's crawler page defines a crawl of the small test web BrowserE2eIT serves, starts it as the
// admin (over HTTPS) and shows it progress to FINISHED: fetched pages rising, hosts with their robots.txt, and a
// duplicate page leading to the page it copies.
import { adminSettings, expectFitsPhoneWidth } from '../lib/console.mjs';

export const title = 'the crawler page crawls the test web and shows progress rising to FINISHED';
export const timeoutMs = 170_000;

const admin = adminSettings();
const seed = process.env.E2E_CRAWL_SEED;

export const skip = admin && seed ? undefined
  : 'needs E2E_HTTPS_BASE_URL, E2E_ADMIN_USER, E2E_ADMIN_PASSWORD and E2E_CRAWL_SEED (BrowserE2eIT sets them)';

export default async function consoleCrawler(t) {
  const page = await t.newPerson('admin', { ignoreHTTPSErrors: true });
  await page.goto(`${admin.httpsBaseUrl}/console/#/crawler`);
  t.log(`${admin.httpsBaseUrl}/console/#/crawler opened`);

  await page.getByLabel('Admin user').fill(admin.user);
  await page.getByLabel('Password').fill(admin.password);
  await page.getByRole('button', { name: 'Use as admin' }).click();

  const form = page.getByRole('form', { name: 'New crawl' });
  await form.getByLabel('Seed URLs (one per line)').fill(seed);
  await form.getByLabel('Max depth').fill('2');
  await form.getByLabel('Max pages').fill('40');
  await form.getByLabel('Min delay per host (ms)').fill('150');
  await form.getByLabel(/Allow private and loopback/).check();
  await form.getByRole('button', { name: 'Create crawl' }).click();

  const state = page.getByTestId('crawl-state');
  await t.until('the new crawl to show', () => state.textContent(), (s) => s === 'CREATED');
  await page.getByRole('group', { name: 'Crawl controls' }).getByRole('button', { name: 'Start' }).click();

  const fetched = page.locator('.counters div', { hasText: /^Fetched/ }).locator('dd');
  const seen = [];
  await t.until('the crawl to finish', async () => {
    const now = { state: await state.textContent(), fetched: Number(await fetched.textContent()) };
    if (!seen.length || seen.at(-1).fetched !== now.fetched || seen.at(-1).state !== now.state) seen.push(now);
    return now;
  }, (now) => now.state === 'FINISHED', 120_000);
  t.log(`progress: ${seen.map((s) => `${s.state} ${s.fetched}`).join(', ')}`);
  for (let i = 1; i < seen.length; i++) {
    if (seen[i].fetched < seen[i - 1].fetched) throw new Error(`fetched went down: ${JSON.stringify(seen)}`);
  }
  const last = seen.at(-1).fetched;
  if (last < 20 || !seen.some((s) => s.state === 'RUNNING' && s.fetched < last)) {
    throw new Error(`expected progress rising while RUNNING to 20 or more pages: ${JSON.stringify(seen)}`);
  }

  const hosts = page.getByRole('region', { name: 'Hosts' });
  await t.until('both hosts with their robots.txt', () => hosts.textContent(),
    (text) => /127\.0\.0\.1.*rules/.test(text) && /127\.0\.0\.2.*allow-all/.test(text));

  const pages = page.getByRole('region', { name: 'Pages' });
  const duplicate = pages.getByRole('button', { name: /^Show .* duplicates$/ });
  await t.until('a duplicate among the stored pages', async () => {
    if (await duplicate.count()) return true;
    await pages.getByRole('button', { name: 'Reload pages' }).click();
    return false;
  });
  await duplicate.first().click();
  const details = pages.getByRole('region', { name: 'Page details' });
  await t.until('the original page\'s details', () => details.textContent(), (text) => text.includes('Page a1'));
  t.log(`duplicate leads to: ${(await details.locator('h3').textContent()).trim()}`);
  await page.evaluate(() => window.scrollTo(0, 0));   // the sticky header where it belongs in a full-page shot
  await t.screenshot(page, 'console-crawler', { fullPage: true });
  // At phone width nothing is wider than the screen: tables scroll inside their panels, charts shrink.
  await expectFitsPhoneWidth(t, page);
}
