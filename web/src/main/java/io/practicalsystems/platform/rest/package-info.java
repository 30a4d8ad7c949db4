/**
 * The JAX-RS application and what every endpoint shares: problem+json errors (the exception mappers and Problems),
 * strict JSON bodies, parameter parsing, the no-op ping.
 *
 * <p>The one convention for exception mappers, which every system's {@code rest} package follows: one top-level
 * {@code @Provider} class per exception, named after it ({@code <Exception>Mapper}), in the {@code rest} package of
 * the module that owns the exception; its body is built with {@link io.practicalsystems.platform.rest.Problems}.
 * The {@code detail} is a sentence for the client: an exception our code throws for the client (bad input, a
 * system's refusals) carries that sentence as its message; for anything else the mapper writes a fixed sentence,
 * and an unexpected exception is an {@link io.practicalsystems.platform.problem.Incidents incident} whose message
 * and class stay in the server log. {@code WebConventionsTest} checks the shape.
 */
package io.practicalsystems.platform.rest;
