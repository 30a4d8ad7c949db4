package io.practicalsystems.platform.problem;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.MongoSocketOpenException;
import com.mongodb.MongoTimeoutException;
import com.mongodb.ServerAddress;
import jakarta.ejb.EJBException;
import java.io.IOException;
import java.sql.SQLTransientConnectionException;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.exceptions.JedisConnectionException;
import redis.clients.jedis.exceptions.JedisDataException;

class BackendOutageTest {

    @Test
    void eachServiceIsFoundUnderTheWrappersThatCarryIt() {
        assertThat(BackendOutage.of(new EJBException(new SQLTransientConnectionException("pool"))))
                .contains(BackendOutage.DATABASE);
        assertThat(BackendOutage.of(new IllegalStateException(new MongoTimeoutException("no server"))))
                .contains(BackendOutage.DOCUMENT_STORE);
        assertThat(BackendOutage.of(new RuntimeException(new MongoSocketOpenException("refused",
                new ServerAddress("localhost", 27017))))).contains(BackendOutage.DOCUMENT_STORE);
        assertThat(BackendOutage.of(new EJBException(new RuntimeException(
                new JedisConnectionException(new IOException("Connection refused")))))).contains(BackendOutage.REDIS);
    }

    @Test
    void aFailureOfTheRequestItselfIsNoOutage() {
        assertThat(BackendOutage.of(new JedisDataException("WRONGTYPE"))).isEmpty();
        assertThat(BackendOutage.of(new IllegalArgumentException("bad"))).isEmpty();
        assertThat(BackendOutage.of(null)).isEmpty();
    }

    @Test
    void aCycleInTheCauseChainEnds() {
        RuntimeException a = new RuntimeException("a");
        RuntimeException b = new RuntimeException("b", a);
        a.initCause(b);
        assertThat(BackendOutage.of(a)).isEmpty();
    }

    @Test
    void theProblemIsA503NamingTheServiceNotTheException() {
        Problem problem = BackendOutage.REDIS.problem();
        assertThat(problem.status()).isEqualTo(503);
        assertThat(problem.toJson()).contains("\"detail\":\"Redis is unavailable; try again shortly\"")
                .contains("\"retryAfterSeconds\":5").doesNotContain("Jedis");
    }
}
