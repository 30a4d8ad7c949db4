package io.practicalsystems.crawler.application.dispatch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class FetchMessagesTest {

    private static List<Integer> claims(int n) {
        return IntStream.rangeClosed(1, n).boxed().toList();
    }

    @Test
    void claimsNoMoreThanTheIdleThreadsGetAMessageEach() {
        assertThat(FetchMessages.split(claims(3), 8, 4)).containsExactly(List.of(1), List.of(2), List.of(3));
        assertThat(FetchMessages.split(claims(8), 8, 4)).hasSize(8).allSatisfy(m -> assertThat(m).hasSize(1));
    }

    @Test
    void moreClaimsThanIdleThreadsAreSpreadOverTheIdleThreadsInOrder() {
        assertThat(FetchMessages.split(claims(5), 2, 4)).containsExactly(List.of(1, 2, 3), List.of(4, 5));
    }

    @Test
    void noMessageHoldsMoreThanTheMostPerMessageEvenWithNoIdleThread() {
        assertThat(FetchMessages.split(claims(9), 0, 4)).containsExactly(List.of(1, 2, 3), List.of(4, 5, 6),
                List.of(7, 8, 9));
        assertThat(FetchMessages.split(claims(4), -3, 4)).containsExactly(List.of(1, 2, 3, 4));
        assertThat(FetchMessages.split(claims(64), 2, 4)).hasSize(16).allSatisfy(m -> assertThat(m).hasSize(4));
    }

    @Test
    void oneClaimPerMessageIsOneMessagePerClaim() {
        assertThat(FetchMessages.split(claims(5), 0, 1)).hasSize(5);
        assertThat(FetchMessages.split(List.of(), 8, 4)).isEmpty();
        assertThatThrownBy(() -> FetchMessages.split(claims(1), 8, 0)).isInstanceOf(IllegalArgumentException.class);
    }
}
