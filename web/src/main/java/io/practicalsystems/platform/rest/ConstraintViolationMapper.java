package io.practicalsystems.platform.rest;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.Comparator;
import java.util.stream.Collectors;

/** Bean Validation failures on request parameters/bodies: 400 naming the offending field(s). */
@Provider
public class ConstraintViolationMapper implements ExceptionMapper<ConstraintViolationException> {

    @Override
    public Response toResponse(ConstraintViolationException exception) {
        var violations = exception.getConstraintViolations().stream()
                .sorted(Comparator.comparing(v -> v.getPropertyPath().toString()))
                .toList();
        String fields = violations.stream().map(ConstraintViolationMapper::field).distinct()
                .collect(Collectors.joining(","));
        String detail = violations.stream().map(v -> field(v) + ": " + v.getMessage())
                .collect(Collectors.joining("; "));
        return Problems.badRequest(fields, detail);
    }

    /** "next.count" → "count": the last path node is the name the client used. */
    private static String field(ConstraintViolation<?> violation) {
        String path = violation.getPropertyPath().toString();
        return path.substring(path.lastIndexOf('.') + 1);
    }
}
