/**
 * The JAX-RS application and what every endpoint shares: problem+json errors (the exception mappers and Problems),
 * strict JSON bodies, parameter parsing, the no-op ping.
 */
package io.practicalsystems.platform.rest;
