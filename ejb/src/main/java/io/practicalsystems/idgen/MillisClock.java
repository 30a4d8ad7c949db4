package io.practicalsystems.idgen;

/**
 * Wall-clock milliseconds since 1970-01-01T00:00Z.
 *
 * <p>An interface rather than {@code System.currentTimeMillis()} so tests can make the clock stall, jump or step
 * backwards deterministically, which is exactly the behaviour the generator has to survive.
 */
@FunctionalInterface
public interface MillisClock {

    long millis();

    static MillisClock system() {
        return System::currentTimeMillis;
    }
}
