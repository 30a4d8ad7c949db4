/** Readiness checks of the shared backends (Redis, SQL, messaging, documents), their details the admin's; where each runs. */
package io.practicalsystems.platform.health;
