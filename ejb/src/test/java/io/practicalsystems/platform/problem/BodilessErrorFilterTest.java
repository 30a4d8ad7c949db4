package io.practicalsystems.platform.problem;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.servlet.FilterChain;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * The filter fills only error answers that have no body: an empty 401 gets a problem, while a 409 whose producer
 * wrote its own JSON (the KV store's limit refusal to a peer) keeps it — overwriting it once lost the body.
 */
class BodilessErrorFilterTest {

    @Test
    void anErrorWithoutABodyGetsAProblem() throws Exception {
        FakeServletResponse response = new FakeServletResponse();
        run(response, (req, res) -> ((HttpServletResponse) res).setStatus(401));

        assertThat(response.contentType).startsWith(Problem.MEDIA_TYPE);
        assertThat(response.body()).contains("\"status\":401");
    }

    @Test
    void anErrorWithItsOwnJsonWrittenToTheStreamKeepsIt() throws Exception {
        FakeServletResponse response = new FakeServletResponse();
        run(response, (req, res) -> {
            HttpServletResponse http = (HttpServletResponse) res;
            http.setStatus(409);
            http.setContentType("application/json");
            http.getOutputStream().write("{\"limit\":\"siblings\"}".getBytes(StandardCharsets.UTF_8));
        });

        assertThat(response.contentType).isEqualTo("application/json");
        assertThat(response.body()).isEqualTo("{\"limit\":\"siblings\"}");
    }

    @Test
    void anErrorWithItsOwnTextWrittenToTheWriterKeepsIt() throws Exception {
        FakeServletResponse response = new FakeServletResponse();
        run(response, (req, res) -> {
            HttpServletResponse http = (HttpServletResponse) res;
            http.setStatus(413);
            http.setContentType("application/json");
            http.getWriter().print("{\"limit\":\"bytes\"}");
        });

        assertThat(response.body()).isEqualTo("{\"limit\":\"bytes\"}");
    }

    @Test
    void aStreamTakenButLeftEmptyStillGetsTheProblemThroughThatStream() throws Exception {
        FakeServletResponse response = new FakeServletResponse();
        run(response, (req, res) -> {
            HttpServletResponse http = (HttpServletResponse) res;
            http.setStatus(404);
            http.getOutputStream().flush();
        });

        assertThat(response.writerTaken).isFalse();
        assertThat(response.contentType).startsWith(Problem.MEDIA_TYPE);
        assertThat(response.body()).contains("\"status\":404");
    }

    /**
     * RESTEasy answers an {@code @RolesAllowed} request without credentials with an empty 401 and flushes the buffer,
     * which commits the response before the filter could give it a body: the client got an empty 401.
     */
    @Test
    void aBodilessErrorFlushedByItsProducerStillGetsAProblem() throws Exception {
        FakeServletResponse response = new FakeServletResponse();
        run(response, (req, res) -> {
            HttpServletResponse http = (HttpServletResponse) res;
            http.setStatus(401);
            http.flushBuffer();
        });

        assertThat(response.contentType).startsWith(Problem.MEDIA_TYPE);
        assertThat(response.body()).contains("\"status\":401");
    }

    @Test
    void anErrorWithABodyIsFlushedWhenItsProducerAsks() throws Exception {
        FakeServletResponse response = new FakeServletResponse();
        run(response, (req, res) -> {
            HttpServletResponse http = (HttpServletResponse) res;
            http.setStatus(409);
            http.getOutputStream().write('{');
            http.flushBuffer();
        });

        assertThat(response.committed).isTrue();
        assertThat(response.body()).isEqualTo("{");
    }

    @Test
    void successIsLeftAlone() throws Exception {
        FakeServletResponse response = new FakeServletResponse();
        run(response, (req, res) -> ((HttpServletResponse) res).setStatus(204));

        assertThat(response.body()).isEmpty();
        assertThat(response.contentType).isNull();
    }

    private static void run(FakeServletResponse response, FilterChain chain) throws Exception {
        HttpServletRequest request = (HttpServletRequest) Proxy.newProxyInstance(
                BodilessErrorFilterTest.class.getClassLoader(), new Class<?>[] {HttpServletRequest.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "isAsyncStarted" -> false;
                    case "getRequestURI" -> "/api/kv-internal/forward";
                    default -> null;
                });
        new BodilessErrorFilter().doFilter(request, response.proxy(), chain);
    }
}
