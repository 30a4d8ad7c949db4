/** End-to-end tests in a real browser (Debian's Chromium, driven by the Node scenarios of ear/src/test/e2e). */
package io.practicalsystems.platform.e2e;
