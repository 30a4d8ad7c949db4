package io.practicalsystems.crawler.frontier;

import java.util.Objects;

/**
 * A URL whose fetch is already done (its page is stored), for {@link Frontier#restore}: seen, counted under its
 * outcome and its host, never queued.
 *
 * @param outcome FETCHED, FAILED or SKIPPED: a final one
 */
public record RestoredUrl(FrontierUrl url, Outcome outcome) {

    public RestoredUrl {
        Objects.requireNonNull(url, "url");
        if (outcome != Outcome.FETCHED && outcome != Outcome.FAILED && outcome != Outcome.SKIPPED) {
            throw new IllegalArgumentException("a restored URL's outcome is final (FETCHED, FAILED or SKIPPED), got "
                    + outcome);
        }
    }
}
