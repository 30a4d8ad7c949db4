package io.practicalsystems.platform.rest;

import io.practicalsystems.platform.problem.Problem;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Map;

/** JAX-RS responses carrying an RFC 9457 {@link Problem}, the only error body any endpoint returns. */
public final class Problems {

    public static final String MEDIA_TYPE = Problem.MEDIA_TYPE;
    public static final MediaType PROBLEM_JSON = MediaType.valueOf(MEDIA_TYPE);

    private Problems() {
    }

    /** See {@link Problem} for what each part means. */
    public static Response.ResponseBuilder problem(int status, String slug, String title, String detail,
                                                   Map<String, ?> extras) {
        return response(new Problem(status, slug, title, detail, extras));
    }

    public static Response.ResponseBuilder response(Problem problem) {
        return Response.status(problem.status()).type(PROBLEM_JSON).entity(problem.toJson());
    }

    public static Response badRequest(String field, String detail) {
        return response(badRequestProblem(field, detail)).build();
    }

    /** The body of {@link #badRequest}, for answers written outside JAX-RS (the create fast path). */
    public static Problem badRequestProblem(String field, String detail) {
        return new Problem(400, "invalid-request", "Invalid request", detail, Map.of("field", field));
    }

    public static Response of(int status, String slug, String title, String detail) {
        return problem(status, slug, title, detail, Map.of()).build();
    }
}
