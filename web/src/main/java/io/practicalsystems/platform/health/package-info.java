/** Readiness checks of the shared backends (Redis, SQL, the messaging engine) for {@code /health/ready}. */
package io.practicalsystems.platform.health;
