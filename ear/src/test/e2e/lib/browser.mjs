// The one browser of a run: Debian's chromium, never a browser a tool downloads.
import { chromium } from 'playwright-core';
import { mkdtemp, rm } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';

// Headless, and nothing that phones home: on a machine without outside network Chromium's background connections
// are refused many at a time and every start fails to look up Google's hosts.
const FLAGS = [
  '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
];

/** Launches Chromium with a fresh, empty profile; close() also deletes the profile. */
export async function launchBrowser() {
  if (!existsSync(CHROMIUM)) {
    throw new Error(`no Chromium at ${CHROMIUM}: install Debian's package (apt-get install -y chromium, as .ci/run`
      + ' does) or point CHROMIUM_PATH at one');
  }
  const profile = await mkdtemp(join(tmpdir(), 'e2e-chromium-'));
  // A persistent context is the only way to hand Chromium a --user-data-dir; contexts made from its browser() are
  // still fresh and isolated (own cookies and storage), one per simulated user.
  const persistent = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: FLAGS,
  });
  const browser = persistent.browser();
  return {
    version: browser.version(),
    newContext: (options) => browser.newContext(options),
    async close() {
      await persistent.close();
      await rm(profile, { recursive: true, force: true });
    },
  };
}
