// What a scenario gets: fresh browser contexts (one per simulated person), bounded waits, screenshots, a REST
// client, and a check that no page logged an error it did not expect.
import { join } from 'node:path';

const DEFAULT_WAIT_MS = 30_000;   // generous: 2 shared cores; only keeps a broken build from hanging

export class Scenario {
  constructor({ name, baseUrl, browser, stagingDir }) {
    this.name = name;
    this.baseUrl = baseUrl.replace(/\/$/, '');
    this.browser = browser;
    this.stagingDir = stagingDir;
    this.lines = [];
    this.screenshots = [];
    this.contexts = [];
    this.pages = [];
    this.problems = [];          // console errors, page errors: each fails the scenario unless allowed
    this.allowed = [];
  }

  log(message) {
    this.lines.push(`${new Date().toISOString().slice(11, 23)} ${message}`);
  }

  /** A console error matching this pattern is expected (say, the 404 of a refused request) and not a failure. */
  allowConsoleError(pattern) {
    this.allowed.push(pattern);
  }

  /**
   * A new person: an isolated context (own cookies, sessionStorage) with one page, phone-width if asked (390 px, or
   * `width`); with ignoreHTTPSErrors it accepts the test server's self-signed certificate (admin calls need HTTPS).
   */
  async newPerson(label, { phone = false, width, ignoreHTTPSErrors = false } = {}) {
    const context = await this.browser.newContext({
      ...(phone
        ? { viewport: { width: width ?? 390, height: 844 }, isMobile: true, hasTouch: true }
        : { viewport: { width: width ?? 1280, height: 800 } }),
      ignoreHTTPSErrors,
    });
    context.setDefaultTimeout(DEFAULT_WAIT_MS);
    this.contexts.push(context);
    const page = await context.newPage();
    this.pages.push({ label, page });
    page.on('console', (msg) => {
      if (msg.type() === 'error') {
        this.problems.push(`${label}: console error: ${msg.text()} (${page.url()})`);
      }
    });
    page.on('pageerror', (error) => this.problems.push(`${label}: uncaught ${error.name}: ${error.message}`));
    return page;
  }

  async goto(page, path) {
    const response = await page.goto(this.baseUrl + path);
    // A hash route of a page already open is a same-document navigation: no response at all.
    this.log(`${path} -> ${response ? response.status() : 'same document'}`);
    if (response && response.status() >= 400) {
      throw new Error(`GET ${path} answered ${response.status()}`);
    }
    return response;
  }

  /** A PNG of the viewport (or the whole page) staged for docs/screenshots, copied there when the run passes. */
  async screenshot(page, name, { fullPage = false } = {}) {
    const file = `${name}.png`;
    await page.screenshot({ path: join(this.stagingDir, file), fullPage, animations: 'disabled' });
    this.screenshots.push(file);
  }

  /** Polls probe() until check(value) holds; fails with the last value after timeoutMs. No fixed sleeps. */
  async until(what, probe, check = Boolean, timeoutMs = DEFAULT_WAIT_MS) {
    const deadline = Date.now() + timeoutMs;
    let last;
    let lastError;
    for (;;) {
      try {
        last = await probe();
        if (check(last)) {
          return last;
        }
      } catch (error) {
        lastError = error;
      }
      if (Date.now() > deadline) {
        const cause = lastError ? `; last error: ${lastError.message}` : '';
        throw new Error(`gave up waiting for ${what} after ${timeoutMs} ms; last value: ${JSON.stringify(last)}${cause}`);
      }
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }

  /** JSON REST call from outside the browser (setting up data, acting as another client). */
  async api(method, path, { body, token } = {}) {
    const headers = { accept: 'application/json, application/problem+json' };
    if (body !== undefined) headers['content-type'] = 'application/json';
    if (token) headers.authorization = `Bearer ${token}`;
    const response = await fetch(this.baseUrl + path, {
      method, headers, body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    this.log(`${method} ${path} -> ${response.status}`);
    let json = null;
    try { json = text ? JSON.parse(text) : null; } catch { json = null; }
    return { status: response.status, json, text };
  }

  /** Fails if a page logged an error nobody allowed; called by the runner after the scenario's body. */
  checkNoUnexpectedErrors() {
    const unexpected = this.problems.filter((p) => !this.allowed.some((pattern) => pattern.test(p)));
    if (unexpected.length) {
      throw new Error(`the pages logged ${unexpected.length} unexpected error(s):\n  ${unexpected.join('\n  ')}`);
    }
  }

  /** After a failure: what each person's page showed, as PNGs in failureDir (not for docs). */
  async captureFailure(failureDir) {
    const files = [];
    for (const { label, page } of this.pages) {
      const file = join(failureDir, `${this.name}-${label}.png`);
      try {
        await page.screenshot({ path: file, fullPage: true, timeout: 10_000 });
        files.push(file);
      } catch {
        // a page that is gone or hangs shows nothing; the error already says what failed
      }
    }
    return files;
  }

  async close() {
    await Promise.allSettled(this.contexts.map((c) => c.close()));
  }
}

/** A unique, valid feed handle (3-30 of [a-z0-9_]): runs and scenarios never share data. */
export function uniqueHandle(prefix) {
  return `${prefix}_${Date.now().toString(36)}${Math.floor(Math.random() * 1296).toString(36)}`.slice(0, 30);
}
