// What the console scenarios share.

/** The HTTPS address and test admin BrowserE2eIT passes (admin endpoints answer over HTTPS only), or null. */
export function adminSettings() {
  const { E2E_HTTPS_BASE_URL: httpsBaseUrl, E2E_ADMIN_USER: user, E2E_ADMIN_PASSWORD: password } = process.env;
  return httpsBaseUrl && user && password ? { httpsBaseUrl: httpsBaseUrl.replace(/\/$/, ''), user, password } : null;
}

/**
 * Narrows an open page to a phone's width (the same load, no new requests) and waits until nothing on it is wider
 * than the window: no sideways scrolling. Console errors are checked for every page by the runner.
 */
export async function expectFitsPhoneWidth(t, page, width = 375) {
  await page.setViewportSize({ width, height: 800 });
  const widths = () => page.evaluate(() => ({ page: document.documentElement.scrollWidth, window: window.innerWidth }));
  const fit = await t.until(`the page to fit ${width} px`, widths, (w) => w.window === width && w.page <= w.window);
  t.log(`at ${width} px the page is ${fit.page} px wide`);
}
