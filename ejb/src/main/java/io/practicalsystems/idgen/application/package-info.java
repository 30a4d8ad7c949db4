/**
 * The ID generator as a service: worker-ID leases in Redis, high-water marks in SQL, settings and the steppable clock.
 */
package io.practicalsystems.idgen.application;
