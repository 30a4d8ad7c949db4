package io.practicalsystems.platform.problem;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.exceptions.JedisConnectionException;

/** The last-resort answer given outside JAX-RS is the one {@code UnexpectedExceptionMapper} gives inside it. */
class ServletProblemsTest {

    @Test
    void aBackingServiceOutOfReachIs503WithRetryAfterNamingTheService() throws Exception {
        FakeServletResponse response = new FakeServletResponse();

        ServletProblems.writeUnexpected(new IllegalStateException("pool",
                new JedisConnectionException("Connection refused")), "a test", response.proxy());

        assertThat(response.status).isEqualTo(503);
        assertThat(response.headers).containsEntry("Retry-After",
                Integer.toString(BackendOutage.RETRY_AFTER_SECONDS));
        assertThat(response.contentType).isEqualTo(Problem.MEDIA_TYPE);
        assertThat(response.body()).contains("redis-unavailable").doesNotContain("Connection refused")
                .doesNotContain("Jedis");
    }

    @Test
    void anythingElseIsAn500IncidentThatNamesNoClassAndNoMessage() throws Exception {
        FakeServletResponse response = new FakeServletResponse();

        ServletProblems.writeUnexpected(new IllegalArgumentException("secret detail at /etc/x"), "a test",
                response.proxy());

        assertThat(response.status).isEqualTo(500);
        assertThat(response.headers).doesNotContainKey("Retry-After");
        assertThat(response.body()).contains("\"incident\":").doesNotContain("secret detail")
                .doesNotContain("IllegalArgumentException");
    }

    @Test
    void theDatabaseOutOfReachIs503Too() throws Exception {
        FakeServletResponse response = new FakeServletResponse();

        ServletProblems.writeUnexpected(new RuntimeException(new SQLException("gone")), "a test", response.proxy());

        assertThat(response.status).isEqualTo(503);
        assertThat(response.body()).contains("database-unavailable");
    }
}
