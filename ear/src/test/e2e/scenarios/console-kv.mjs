// Issue 17, the console's Key-value page on the one-node default (the shared server): the ring and the members table
// load with live data, a key put and read in the key browser comes back with the replica that answered, and at
// 375 px nothing is wider than the screen.
import { expectFitsPhoneWidth } from '../lib/console.mjs';
import { expectEqual } from '../lib/feed.mjs';
import { getInUi, getViaApi, memberState, openKvPage, shownValues, uniqueKey } from '../lib/kv.mjs';

export const title = 'the KV page shows the one-node ring and members live; put and get a key in the key browser';

export default async function consoleKv(t) {
  const page = await t.newPerson('visitor');
  await openKvPage(t, page);
  const cluster = await (await fetch(`${t.baseUrl}/api/kv-cluster`)).json();
  const self = cluster.self;
  await t.until(`${self} shown alive`, () => memberState(page, self), (s) => s === 'alive');
  const legend = await page.getByRole('list', { name: 'Ring ownership' }).textContent();
  if (!legend.includes(`${self} — 100.0 % of the ring`)) throw new Error(`the legend says: ${legend}`);

  const key = uniqueKey('console');
  await page.getByLabel('Key', { exact: true }).fill(key);
  await page.getByLabel('Value', { exact: true }).fill('hello from the console');
  await page.getByRole('button', { name: 'Put', exact: true }).click();
  await t.until('the put acknowledged', () => page.getByTestId('acknowledged-by').textContent(), (s) => s === self);
  expectEqual((await getViaApi(t, key)).values, ['hello from the console'], 'the stored value');

  await getInUi(page, key);
  expectEqual(await shownValues(page), ['hello from the console'], 'the values shown');
  expectEqual(await page.getByTestId('answered-by').textContent(), self, 'the replicas that answered');
  await page.evaluate(() => window.scrollTo(0, 0));
  await t.screenshot(page, 'console-kv', { fullPage: true });
  // At phone width the members table scrolls inside its panel; nothing is wider than the screen.
  await expectFitsPhoneWidth(t, page);
}
