package io.practicalsystems.shortener.application.cache;

/** Result of asking the cache: a link, a cached "no such code", or nothing known (miss, or cache down). */
public sealed interface CacheLookup {

    record Hit(CachedLink link) implements CacheLookup {
    }

    record KnownMissing() implements CacheLookup {
    }

    record Miss() implements CacheLookup {
    }

    CacheLookup MISS = new Miss();
    CacheLookup KNOWN_MISSING = new KnownMissing();
}
