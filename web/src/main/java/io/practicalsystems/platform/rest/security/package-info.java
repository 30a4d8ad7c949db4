/** Guards for administrator access: HTTPS and JSON only on admin endpoints, failed sign-ins throttled per client. */
package io.practicalsystems.platform.rest.security;
