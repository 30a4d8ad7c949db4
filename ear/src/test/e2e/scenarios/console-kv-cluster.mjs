// Issue 17, the console's Key-value page on a 3-node cluster that ConsoleKvClusterIT starts (not the shared server):
// two writes with the same old context show as two siblings side by side, resolving them in the UI leaves one; a
// node killed with kill -9 turns suspect/dead in the members table and alive again after its restart. The IT kills
// and restarts the node when asked at E2E_KV_CONTROL (POST /kill, POST /restart: answered once done).
import { expectEqual } from '../lib/feed.mjs';
import { getInUi, getViaApi, memberRow, memberState, openKvPage, putViaApi, shownValues, uniqueKey }
  from '../lib/kv.mjs';

export const title = 'on 3 nodes: siblings side by side and resolved in the UI; a killed node goes dead and comes back';
export const needs = 'kv-cluster';
export const timeoutMs = 420_000;

const VICTIM = 'kv-3';
const STATE_CHANGE_MS = 60_000;   // phi reaches the dead threshold ~7 s after the last heartbeat; slack for load
const RESTART_MS = 300_000;       // a Liberty start on a loaded machine (the harness's own bound is 420 s)

async function control(t, action) {
  const base = process.env.E2E_KV_CONTROL;
  if (!base) throw new Error('E2E_KV_CONTROL is not set: this scenario runs from ConsoleKvClusterIT');
  const response = await fetch(`${base}/${action}`, { method: 'POST', signal: AbortSignal.timeout(RESTART_MS) });
  t.log(`control ${action} -> ${response.status} ${await response.text()}`);
  if (response.status !== 200) throw new Error(`the IT could not ${action} ${VICTIM}`);
}

export default async function consoleKvCluster(t) {
  const page = await t.newPerson('operator');
  await openKvPage(t, page);
  for (const node of ['kv-1', 'kv-2', VICTIM]) {
    await t.until(`${node} shown alive`, () => memberState(page, node), (s) => s === 'alive', STATE_CHANGE_MS);
  }

  // Two clients write the key, each with the context of the same old read: concurrent, so both are kept.
  const key = uniqueKey('cart');
  await putViaApi(t, key, 'v0');
  const old = (await getViaApi(t, key)).context;
  await putViaApi(t, key, 'alice: apple', old);
  await putViaApi(t, key, 'bob: pear', old);

  await getInUi(page, key);
  expectEqual((await shownValues(page)).sort(), ['alice: apple', 'bob: pear'], 'the siblings shown');
  await page.evaluate(() => window.scrollTo(0, 0));
  await t.screenshot(page, 'console-kv-siblings', { fullPage: true });
  await page.getByLabel(/^Merged value/).fill('alice: apple, bob: pear');
  await page.getByRole('button', { name: 'Resolve', exact: true }).click();
  await t.until('one value after resolving', () => shownValues(page),
    (values) => JSON.stringify(values) === JSON.stringify(['alice: apple, bob: pear']));
  await getInUi(page, key);
  expectEqual(await shownValues(page), ['alice: apple, bob: pear'], 'the values read after resolving');
  expectEqual((await getViaApi(t, key)).values, ['alice: apple, bob: pear'], 'the values the API reads');

  await control(t, 'kill');
  await t.until(`${VICTIM} shown suspect or dead`, () => memberState(page, VICTIM),
    (s) => s === 'suspect' || s === 'dead', STATE_CHANGE_MS);
  await t.until(`${VICTIM} shown dead`, () => memberState(page, VICTIM), (s) => s === 'dead', STATE_CHANGE_MS);
  t.log(`${VICTIM} row: ${await memberRow(page, VICTIM).textContent()}`);
  await page.evaluate(() => window.scrollTo(0, 0));
  await t.screenshot(page, 'console-kv-cluster', { fullPage: true });

  await control(t, 'restart');
  await t.until(`${VICTIM} shown alive again`, () => memberState(page, VICTIM), (s) => s === 'alive', STATE_CHANGE_MS);
}
