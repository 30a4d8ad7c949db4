// What the console scenarios share.

/** The HTTPS address and test admin BrowserE2eIT passes (admin endpoints answer over HTTPS only), or null. */
export function adminSettings() {
  const { E2E_HTTPS_BASE_URL: httpsBaseUrl, E2E_ADMIN_USER: user, E2E_ADMIN_PASSWORD: password } = process.env;
  return httpsBaseUrl && user && password ? { httpsBaseUrl: httpsBaseUrl.replace(/\/$/, ''), user, password } : null;
}
