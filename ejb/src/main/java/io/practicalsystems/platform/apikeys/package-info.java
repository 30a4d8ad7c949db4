/** API keys: issued by the admin, stored as SHA-256 hashes in SQL, verified (with a short cache) on every request. */
package io.practicalsystems.platform.apikeys;
