/** API keys over HTTP: the filter that verifies X-Api-Key on every request, and the admin endpoint issuing keys. */
package io.practicalsystems.platform.rest.apikeys;
