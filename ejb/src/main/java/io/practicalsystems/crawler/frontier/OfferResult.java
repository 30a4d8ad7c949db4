package io.practicalsystems.crawler.frontier;

/** What became of the URLs of one {@link Frontier#offer}: each is counted exactly once. */
public record OfferResult(int admitted, int alreadySeen, int rejectedDepth, int rejectedHostLimit,
                          int rejectedQueryVariants) {

    public static final OfferResult NONE = new OfferResult(0, 0, 0, 0, 0);

    public OfferResult plus(OfferResult other) {
        return new OfferResult(admitted + other.admitted, alreadySeen + other.alreadySeen,
                rejectedDepth + other.rejectedDepth, rejectedHostLimit + other.rejectedHostLimit,
                rejectedQueryVariants + other.rejectedQueryVariants);
    }
}
