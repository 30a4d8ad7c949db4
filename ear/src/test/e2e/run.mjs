// Runs every scenario in scenarios/ (or those named by --only) against a running server with one Chromium, writes a
// JSON report (one entry per scenario) and, when every scenario that ran passed, copies the screenshots it took to
// --screenshots. Exit code 0 when nothing failed.
//
//   node run.mjs --base-url http://localhost:9080 [--only smoke-openapi,feed-live] [--report r.json]
//                [--screenshots ../../../../docs/screenshots] [--work target-dir]
// Scenarios that export `needs` run only when named in --only (their IT starts the servers they need).
import { copyFile, mkdir, readdir, rm, writeFile } from 'node:fs/promises';
import { basename, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs, stripVTControlCharacters } from 'node:util';
import { launchBrowser, CHROMIUM } from './lib/browser.mjs';
import { Scenario } from './lib/scenario.mjs';

const here = fileURLToPath(new URL('.', import.meta.url));
const { values: args } = parseArgs({
  options: {
    'base-url': { type: 'string' },
    only: { type: 'string' },
    report: { type: 'string' },
    screenshots: { type: 'string' },
    work: { type: 'string', default: join(here, 'out') },
  },
});
if (!args['base-url']) {
  console.error('usage: node run.mjs --base-url http://localhost:9080 [--only a,b] [--report file] [--screenshots dir]');
  process.exit(2);
}
const work = resolve(args.work);
const stagingDir = join(work, 'screenshots');
const reportFile = resolve(args.report ?? join(work, 'report.json'));
const failureDir = join(work, 'failures');
for (const dir of [stagingDir, failureDir]) {
  await rm(dir, { recursive: true, force: true });
  await mkdir(dir, { recursive: true });
}

const only = args.only ? new Set(args.only.split(',').map((s) => s.trim()).filter(Boolean)) : null;
const files = (await readdir(join(here, 'scenarios'))).filter((f) => f.endsWith('.mjs')).sort();
const names = files.map((f) => basename(f, '.mjs'));
if (only) {
  const unknown = [...only].filter((n) => !names.includes(n));
  if (unknown.length) {
    console.error(`no such scenario: ${unknown.join(', ')} (there are: ${names.join(', ')})`);
    process.exit(2);
  }
}

const report = { baseUrl: args['base-url'], chromium: CHROMIUM, browserVersion: null, scenarios: [] };
const save = () => writeFile(reportFile, JSON.stringify(report, null, 2));

const browser = await launchBrowser();
report.browserVersion = browser.version;
console.log(`e2e: Chromium ${browser.version} (${CHROMIUM}) against ${args['base-url']}`);
try {
  for (const file of files) {
    const name = basename(file, '.mjs');
    if (only && !only.has(name)) continue;
    const module = await import(pathToFileURL(join(here, 'scenarios', file)).href);
    // A scenario that exports `needs` (say 'kv-cluster') needs servers of its own, which an IT starts before naming
    // it in --only; the default run (BrowserE2eIT, against the shared server) leaves it out.
    if (module.needs && !only) continue;
    const entry = { name, title: module.title ?? name, status: 'passed', error: null, log: [], screenshots: [], ms: 0 };
    report.scenarios.push(entry);
    if (module.skip) {
      Object.assign(entry, { status: 'skipped', error: module.skip });
      console.log(`e2e: ${name}: skipped (${module.skip})`);
      await save();
      continue;
    }
    const scenario = new Scenario({ name, baseUrl: args['base-url'], browser: browser, stagingDir });
    const started = Date.now();
    const timeoutMs = module.timeoutMs ?? 180_000;
    let timer;
    try {
      await Promise.race([
        module.default(scenario),
        new Promise((_, reject) => { timer = setTimeout(() => reject(new Error(`scenario timed out after ${timeoutMs} ms`)), timeoutMs); }),
      ]);
      scenario.checkNoUnexpectedErrors();
    } catch (error) {
      entry.status = 'failed';
      entry.error = stripVTControlCharacters(error.stack ?? String(error));   // Playwright colours its call logs
      const shots = await scenario.captureFailure(failureDir);
      if (shots.length) entry.error += `\nwhat the pages showed: ${shots.join(', ')}`;
    } finally {
      clearTimeout(timer);
      await scenario.close();
    }
    Object.assign(entry, { log: scenario.lines, screenshots: scenario.screenshots, ms: Date.now() - started });
    console.log(`e2e: ${name}: ${entry.status} in ${(entry.ms / 1000).toFixed(1)} s${entry.error ? `\n${entry.error}` : ''}`);
    await save();
  }
} finally {
  await browser.close();
}

const failed = report.scenarios.filter((s) => s.status === 'failed');
const ran = report.scenarios.filter((s) => s.status !== 'skipped');
if (!failed.length && args.screenshots && ran.length) {
  const target = resolve(args.screenshots);
  await mkdir(target, { recursive: true });
  const shots = ran.flatMap((s) => s.screenshots);
  for (const shot of shots) {
    await copyFile(join(stagingDir, shot), join(target, shot));
  }
  report.screenshotsCopiedTo = target;
  console.log(`e2e: ${shots.length} screenshot(s) written to ${target}`);
}
await save();
console.log(`e2e: scenarios passed ${ran.length - failed.length}, failed ${failed.length}, skipped ${report.scenarios.length - ran.length}`);
process.exit(failed.length ? 1 : 0);
