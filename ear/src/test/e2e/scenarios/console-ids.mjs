// Issue 17: the console's IDs page: the lease as /api/ids/info says, a new ID decoded into its bits as the server
// decodes it, a batch, bad input shown as the server's sentence, and the admin's clock step-back experiment over
// HTTPS: 3 ms back is waited out (IDs keep coming), 60 s back is refused with 503 + Retry-After, restoring the
// clock issues again. The shared server's clock offset is set back to 0 at the end whatever happened.
import { adminSettings, expectFitsPhoneWidth } from '../lib/console.mjs';
import { expectEqual, expectStatus } from '../lib/feed.mjs';

export const title = 'console IDs: lease, generate, decode into bits, bad input, fits 375 px, the clock step-back experiment';

export default async function consoleIds(t) {
  const page = await t.newPerson('visitor');
  await t.goto(page, '/console/#/ids');
  const info = (await t.api('GET', '/api/ids/info')).json;
  const lease = page.getByRole('region', { name: "This server's generator" });
  await t.until('the worker ID shown', () => lease.textContent(), (s) => s?.includes(`${info.workerId} — ${info.workerIdSource}`));
  const leaseText = await lease.textContent();
  if (info.leaseExpiresAt && !/expires in \d+\.\d s/.test(leaseText)) throw new Error(`no countdown: ${leaseText}`);

  await page.getByRole('button', { name: 'New ID' }).click();
  const decodeButton = page.getByRole('list', { name: 'New IDs' }).getByRole('button').first();
  const id = (await decodeButton.textContent()).trim();
  await decodeButton.click();
  const decoded = (await t.api('GET', `/api/ids/${id}/decode`)).json;
  const fields = page.getByRole('table', { name: `The fields of ID ${id}` });
  await t.until('the decoded worker', () => fields.getByRole('row', { name: /^Worker/ }).textContent(),
    (s) => s?.includes(`${info.workerBits}${decoded.workerId}`));
  const timestampRow = await fields.getByRole('row', { name: /^Timestamp/ }).textContent();
  if (!timestampRow.includes(decoded.time)) throw new Error(`timestamp row ${timestampRow} lacks ${decoded.time}`);
  const picture = await page.getByRole('img', { name: new RegExp(`^ID ${id} in bits`) }).getAttribute('aria-label');
  if (!picture.includes(`Sequence ${info.sequenceBits} bits = ${decoded.sequence}`)) throw new Error(picture);

  await page.getByLabel('How many').fill('3');
  await page.getByRole('button', { name: 'Generate batch' }).click();
  await t.until('three new IDs', () => page.getByRole('list', { name: 'New IDs' }).getByRole('button').count(), (n) => n === 3);
  await t.screenshot(page, 'console-ids', { fullPage: true });

  // Bad input: the sentence shown is the server's own.
  t.allowConsoleError(/Failed to load resource: the server responded with a status of (400|503)/);
  await expectSentence(t, page, `/api/ids/${encodeURIComponent('12x')}/decode`, async () => {
    await page.getByLabel('ID to decode').fill('12x');
    await page.getByRole('button', { name: 'Decode', exact: true }).click();
  }, page.getByRole('region', { name: 'Decode', exact: true }));
  await expectSentence(t, page, '/api/ids/batch?count=100000', async () => {
    await page.getByLabel('How many').fill('100000');
    await page.getByRole('button', { name: 'Generate batch' }).click();
  }, page.getByRole('region', { name: 'Generate', exact: true }));

  // At phone width (the decoded ID's bits and table, the batch, the sentences shown) nothing is wider than the screen.
  await expectFitsPhoneWidth(t, page);

  const admin = adminSettings();
  if (!admin) {
    t.log('no admin credentials given (E2E_ADMIN_*): the clock experiment was not run');
    return;
  }
  const adminPage = await t.newPerson('admin', { ignoreHTTPSErrors: true });
  try {
    await clockExperiment(t, adminPage, admin);
  } finally {
    const restored = await adminPage.request.post(`${admin.httpsBaseUrl}/api/ids/admin/clock-offset?ms=0`, {
      headers: { authorization: `Basic ${Buffer.from(`${admin.user}:${admin.password}`).toString('base64')}` },
    });
    t.log(`clock offset restored to 0 -> ${restored.status()}`);
  }
}

async function clockExperiment(t, page, admin) {
  await page.goto(`${admin.httpsBaseUrl}/console/#/ids`);
  const experiment = page.getByRole('region', { name: 'Experiment: step the clock back' });
  await experiment.getByLabel('Admin user').fill(admin.user);
  await experiment.getByLabel('Password').fill(admin.password);
  await experiment.getByRole('button', { name: 'Use as admin' }).click();
  const status = experiment.getByRole('status');
  const offset = page.getByRole('region', { name: "This server's generator" });
  const topAnswer = () => experiment.getByRole('table').getByRole('row').nth(1).getByRole('cell').nth(1).textContent();

  await experiment.getByRole('button', { name: 'Step back 3 ms' }).click();
  await t.until('the offset shown as -3 ms', () => offset.textContent(), (s) => s?.includes('-3 ms (fault injection)'));
  const before = await t.until('an ID issued', topAnswer, (s) => /^\d+$/.test(s ?? ''));
  await t.until('a later ID issued: the step was waited out', topAnswer, (s) => /^\d+$/.test(s ?? '') && BigInt(s) > BigInt(before));

  await experiment.getByRole('button', { name: 'Step back 60 s' }).click();
  await t.until('refusals shown', () => status.textContent(), (s) => s?.includes('Refusing new IDs (503)'));
  const refusal = await t.until('Retry-After shown', topAnswer, (s) => /Retry-After \d+ s/.test(s ?? ''));
  t.log(`refused: ${refusal}`);
  await t.screenshot(page, 'console-ids-clock-step', { fullPage: true });

  await experiment.getByRole('button', { name: 'Restore the real clock' }).click();
  await t.until('IDs issued again', () => status.textContent(), (s) => s?.includes('Issuing new IDs'));
  const after = await t.until('an ID after the restore', topAnswer, (s) => /^\d+$/.test(s ?? ''));
  if (BigInt(after) <= BigInt(before)) throw new Error(`ID ${after} after the restore is not above ${before}`);
}

async function expectSentence(t, page, apiPath, act, region) {
  const refused = await t.api('GET', apiPath);
  expectStatus(refused, 400, apiPath);
  await act();
  const sentence = refused.json.detail ?? refused.json.title;
  const shown = await t.until(`the sentence for ${apiPath}`, () => region.getByRole('alert').textContent(), (s) => Boolean(s));
  expectEqual(shown.trim(), sentence.trim(), `the alert for ${apiPath}`);
}
