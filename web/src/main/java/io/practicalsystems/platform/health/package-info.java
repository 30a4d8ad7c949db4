/** Readiness checks of the shared backends (Redis, SQL, messaging, documents); their details are the admin's. */
package io.practicalsystems.platform.health;
