// The console's Key-value store page (/console/#/kv) and the KV API as the console-kv scenarios use them. Locators
// are what people see: labels, button names, the members table's rows, plus the page's few data-testid.

/** A unique key: runs and scenarios never share data. */
export const uniqueKey = (prefix) => `${prefix}/${Date.now().toString(36)}-${Math.floor(Math.random() * 1e6)}`;

const keyPath = (key) => `/api/kv/${key.split('/').map(encodeURIComponent).join('/')}`;

/** A PUT of a text value straight to the API, with a causal context or without (then it is a sibling). */
export async function putViaApi(t, key, value, context) {
  const headers = { 'content-type': 'text/plain' };
  if (context) headers['x-causal-context'] = context;
  const response = await fetch(t.baseUrl + keyPath(key), { method: 'PUT', headers, body: value });
  t.log(`PUT ${key} = ${value}${context ? ' (with a context)' : ''} -> ${response.status}`);
  if (response.status !== 200) throw new Error(`PUT ${key} answered ${response.status}: ${await response.text()}`);
  return response.json();
}

export async function getViaApi(t, key) {
  const response = await fetch(t.baseUrl + keyPath(key), { headers: { accept: 'application/json' } });
  t.log(`GET ${key} -> ${response.status}`);
  if (response.status !== 200) throw new Error(`GET ${key} answered ${response.status}: ${await response.text()}`);
  return response.json();
}

export async function openKvPage(t, page) {
  await t.goto(page, '/console/#/kv');
  await page.getByRole('heading', { level: 1, name: 'Key-value store' }).waitFor();
  await page.getByRole('list', { name: 'Ring ownership' }).waitFor();
}

/** The members table's row of one node. */
export const memberRow = (page, node) => page.getByRole('row', { name: new RegExp(`^${node}\\b`) });

/** A member's state as the table shows it: alive, suspect or dead. */
export async function memberState(page, node) {
  return (await memberRow(page, node).getByRole('cell').first().textContent()).trim();
}

/** The values the key browser shows for its last answer, in order. */
export async function shownValues(page) {
  const list = page.getByRole('list', { name: /^\d+ values?$/ });
  return list.locator('pre').allTextContents();
}

/** Types the key into the key browser and presses Get; waits until the answer for it is shown. */
export async function getInUi(page, key) {
  await page.getByLabel('Key', { exact: true }).fill(key);
  await page.getByRole('button', { name: 'Get', exact: true }).click();
  await page.getByTestId('answered-by').waitFor();
}
