package io.practicalsystems.crawler.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CrawlActionTest {

    /** Every legal move; every other (state, action) pair is refused. */
    private static final Map<CrawlAction, Map<CrawlState, CrawlState>> LEGAL = Map.of(
            CrawlAction.START, Map.of(CrawlState.CREATED, CrawlState.RUNNING),
            CrawlAction.PAUSE, Map.of(CrawlState.RUNNING, CrawlState.PAUSED),
            CrawlAction.RESUME, Map.of(CrawlState.PAUSED, CrawlState.RUNNING),
            CrawlAction.STOP, Map.of(CrawlState.CREATED, CrawlState.STOPPED, CrawlState.RUNNING, CrawlState.STOPPED,
                    CrawlState.PAUSED, CrawlState.STOPPED),
            CrawlAction.FINISH, Map.of(CrawlState.RUNNING, CrawlState.FINISHED));

    @Test
    void theMachineIsExactlyTheTable() {
        for (CrawlAction action : CrawlAction.values()) {
            for (CrawlState state : CrawlState.values()) {
                CrawlState expected = LEGAL.get(action).get(state);
                if (expected != null) {
                    assertThat(action.apply("1", state)).as("%s from %s", action, state).isEqualTo(expected);
                } else {
                    assertThatThrownBy(() -> action.apply("1", state)).as("%s from %s", action, state)
                            .isInstanceOf(IllegalCrawlTransitionException.class);
                }
            }
        }
    }

    @Test
    void finalStatesHaveNoWayOut() {
        Set<CrawlState> finals = EnumSet.of(CrawlState.STOPPED, CrawlState.FINISHED);
        for (CrawlState state : CrawlState.values()) {
            assertThat(state.isFinal()).isEqualTo(finals.contains(state));
            if (state.isFinal()) {
                for (CrawlAction action : CrawlAction.values()) {
                    assertThat(action.allowedFrom(state)).isFalse();
                }
            }
        }
    }

    @Test
    void theRefusalSaysWhatIsPossibleInstead() {
        assertThatThrownBy(() -> CrawlAction.RESUME.apply("42", CrawlState.RUNNING))
                .hasMessage("crawl 42 is RUNNING: it cannot resume (possible now: pause, stop)");
        assertThatThrownBy(() -> CrawlAction.START.apply("42", CrawlState.FINISHED))
                .hasMessage("crawl 42 is FINISHED: it cannot start (it is final)");
    }
}
