package io.practicalsystems.platform.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class TokenLeasesTest {

    private final AtomicLong nanos = new AtomicLong(1_000_000_000L);
    private final TokenLeases leases = new TokenLeases(50, 1000, nanos::get);
    private final TokenBucketPolicy big = new TokenBucketPolicy("redirect", 1_000_000, 1000);
    private final RateLimitDecision afterTakingTen = new RateLimitDecision(true, 1_000_000, 999_990, 1, 0);

    @Test
    void leaseSizeIsOnePercentOfCapacityCappedAndSmallBucketsLeaseNothing() {
        assertThat(leases.leaseSize(new TokenBucketPolicy("a", 60, 1))).isEqualTo(1);
        assertThat(leases.leaseSize(new TokenBucketPolicy("a", 199, 1))).isEqualTo(1);
        assertThat(leases.leaseSize(new TokenBucketPolicy("a", 1_000, 1))).isEqualTo(10);
        assertThat(leases.leaseSize(big)).isEqualTo(50);
        assertThat(new TokenLeases(1, 1000, nanos::get).leaseSize(big)).isEqualTo(1);
    }

    @Test
    void spendsExactlyTheKeptTokensThenNothing() {
        leases.keep("rl:redirect:ip:a", 9, afterTakingTen);

        int spent = 0;
        while (leases.spend("rl:redirect:ip:a").isPresent()) {
            spent++;
        }

        assertThat(spent).isEqualTo(9);
        assertThat(leases.available("rl:redirect:ip:a")).isZero();
    }

    @Test
    void aLocallySpentTokenAnnouncesTheSharedRemainderPlusWhatIsStillLeased() {
        leases.keep("k", 9, afterTakingTen);

        RateLimitDecision d = leases.spend("k").orElseThrow();

        assertThat(d.allowed()).isTrue();
        assertThat(d.remaining()).isEqualTo(999_990 + 8);
        assertThat(d.limit()).isEqualTo(1_000_000);
    }

    @Test
    void leasedTokensExpireAndAreNotSpentAfterwards() {
        leases.keep("k", 9, afterTakingTen);
        nanos.addAndGet(999_000_000L);
        assertThat(leases.spend("k")).isPresent();

        nanos.addAndGet(1_000_000L); // exactly the lease time after keep

        assertThat(leases.spend("k")).isEmpty();
        assertThat(leases.available("k")).isZero();
    }

    @Test
    void twoBatchesTakenConcurrentlyForOneBucketAreBothKept() {
        leases.keep("k", 9, afterTakingTen);
        leases.keep("k", 49, afterTakingTen);

        assertThat(leases.available("k")).isEqualTo(58);
    }

    @Test
    void bucketsAreSeparateAndNothingKeptMeansNothingToSpend() {
        leases.keep("a", 3, afterTakingTen);
        leases.keep("b", 0, afterTakingTen);

        assertThat(leases.spend("b")).isEmpty();
        assertThat(leases.spend("c")).isEmpty();
        assertThat(leases.available("a")).isEqualTo(3);
    }
}
