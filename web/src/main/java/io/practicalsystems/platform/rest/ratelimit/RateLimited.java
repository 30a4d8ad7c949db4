package io.practicalsystems.platform.rest.ratelimit;

import jakarta.ws.rs.NameBinding;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Limits the annotated resource method (or every method of the annotated resource class) per client, with the
 * named policy's token bucket shared by all servers:
 *
 * <pre>{@code
 * @POST
 * @RateLimited("create")   // ps.ratelimit.create.capacity / ps.ratelimit.create.refill-per-second
 * public Response create(...) { ... }
 * }</pre>
 *
 * A method's annotation wins over its class's. Over the limit the request is answered 429 with Retry-After before
 * the method runs; see {@link RateLimitFilter} for the headers, the client identity and what happens when Redis
 * is down.
 */
@NameBinding
@Documented
@Inherited // so a subclass (e.g. a CDI proxy class) of an annotated resource class still carries it
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface RateLimited {

    /** The policy name ({@code [a-z0-9][a-z0-9-]*}); its settings are {@code ps.ratelimit.<name>.*}. */
    String value() default "default";
}
