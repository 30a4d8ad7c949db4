// Issue 17: the console's Overview shows the live readiness of every check as /health/ready reports it and where each
// backend runs as /api/platform/backends reports it (no sign-in), each system ready, links to the OpenAPI UI and the
// Admin Center; the admin (over HTTPS) sees the backends' details; at phone width (375 px) nothing overflows sideways.
import { adminSettings, expectFitsPhoneWidth } from '../lib/console.mjs';
import { expectEqual, expectStatus } from '../lib/feed.mjs';

export const title = 'console Overview: live readiness, where each backend runs, the five systems, the admin\'s details, fits 375 px';

const LABELS = { redis: 'Redis', sql: 'SQL database', messaging: 'Messaging (JMS)', mongodb: 'Documents',
  idgen: 'ID generator', kv: 'KV node' };

export default async function consoleOverview(t) {
  const page = await t.newPerson('visitor');
  await t.goto(page, '/console/#/');
  const table = page.getByRole('table', { name: 'Readiness checks' });
  const health = await t.api('GET', '/health/ready');
  expectStatus(health, 200, 'the shared server is ready');
  for (const check of health.json.checks) {
    const row = table.getByRole('row', { name: new RegExp(`^${escape(LABELS[check.name] ?? check.name)}`) });
    await t.until(`${check.name} shown ${check.status}`, () => row.textContent(), (s) => s?.includes(check.status));
  }
  // Where each backend runs, to anyone. The shared server's SQL (MariaDB) and Redis are configured: external.
  const backends = await t.api('GET', '/api/platform/backends');
  expectStatus(backends, 200, 'the backends list');
  const modes = Object.fromEntries(backends.json.map((b) => [b.service, b.mode]));
  expectEqual([modes.sql, modes.redis, modes.messaging], ['external', 'external', 'embedded'], 'the shared server\'s backends');
  for (const { service, mode } of backends.json) {
    const runs = table.getByRole('row', { name: new RegExp(`^${escape(LABELS[service] ?? service)}`) }).getByRole('cell').nth(1);
    await t.until(`${service} shown running ${mode}`, () => runs.textContent(), (s) => s === mode);
  }
  for (const system of ['ID generator', 'Key-value store', 'URL shortener', 'Web crawler', 'News feed']) {
    const text = await page.getByRole('article', { name: system }).textContent();
    if (!/✓ Ready/.test(text)) throw new Error(`${system} is not shown ready: ${text}`);
  }
  const openApi = await page.getByRole('link', { name: 'OpenAPI UI' }).getAttribute('href');
  expectStatus(await t.api('GET', openApi), 200, `the OpenAPI UI link ${openApi}`);
  const adminCenter = await page.getByRole('link', { name: 'Admin Center' }).getAttribute('href');
  if (!/^https:\/\/[^/]+\/adminCenter\/$/.test(adminCenter)) throw new Error(`Admin Center link: ${adminCenter}`);
  await t.screenshot(page, 'console-overview', { fullPage: true });

  const admin = adminSettings();
  if (admin) {
    const adminPage = await t.newPerson('admin', { ignoreHTTPSErrors: true });
    await adminPage.goto(`${admin.httpsBaseUrl}/console/#/`);
    await adminPage.getByLabel('Admin user').fill(admin.user);
    await adminPage.getByLabel('Password').fill(admin.password);
    await adminPage.getByRole('button', { name: 'Use as admin' }).click();
    const adminTable = adminPage.getByRole('table', { name: 'Readiness checks' });
    // The details the public answers hide: the database's product, Redis's address.
    const sqlRow = adminTable.getByRole('row', { name: /^SQL database/ });
    await t.until('the SQL details shown', () => sqlRow.textContent(), (s) => /database: MariaDB/.test(s ?? ''));
    const redis = await adminTable.getByRole('row', { name: /^Redis/ }).textContent();
    if (!/backend: external redis at redis:\/\//.test(redis)) throw new Error(`Redis row: ${redis}`);
  } else {
    t.log('no admin credentials given (E2E_ADMIN_*): the admin details were not checked');
  }

  // At phone width nothing is wider than the screen (the visitor's page, narrowed: no second load).
  await expectFitsPhoneWidth(t, page);
  await page.evaluate(() => window.scrollTo(0, 0));
  await t.screenshot(page, 'console-overview-phone');
}

function escape(text) {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
