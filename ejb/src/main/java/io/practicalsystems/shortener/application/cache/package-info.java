/** The redirect path's caches: Caffeine in process, Redis shared, negative entries, fallbacks when Redis fails. */
package io.practicalsystems.shortener.application.cache;
