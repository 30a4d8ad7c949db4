package io.practicalsystems.crawler.frontier;

/** The reference frontier against the contract. */
class InMemoryFrontierTest extends FrontierContract {

    @Override
    Frontier newFrontier(ManualClock clock) {
        return new InMemoryFrontier(clock);
    }

    @Override
    void assertNothingStored(String crawlId) {
        // the public views (checked by the contract) are all there is
    }
}
