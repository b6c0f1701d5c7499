package org.switchboard.platform.rest;

import java.util.List;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

import jakarta.json.bind.JsonbException;
import jakarta.persistence.OptimisticLockException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** Turns every failure into a JSON {@link ApiError}; a client never sees a stack trace. */
@Provider
public class ApiExceptionMapper implements ExceptionMapper<Throwable> {

    private static final Logger LOG = Logger.getLogger(ApiExceptionMapper.class.getName());
    private static final java.util.regex.Pattern NAMED_FIELD = java.util.regex.Pattern.compile("([a-z][A-Za-z0-9]*(?:[.\\[\\]A-Za-z0-9]*)): ");

    @Override
    public Response toResponse(Throwable failure) {
        Throwable cause = unwrap(failure);
        if (cause instanceof ApiException api) {
            return api.getResponse();
        }
        if (cause instanceof WebApplicationException web) {
            Response.StatusType status = web.getResponse().getStatusInfo();
            String message = status.getStatusCode() == 400 && web.getCause() instanceof JsonbException ? "The body is not valid JSON for this request." : web.getMessage();
            return ApiError.response(status.getStatusCode(), status.getReasonPhrase(), message, List.of());
        }
        if (cause instanceof ConstraintViolationException invalid) {
            List<String> fields = invalid.getConstraintViolations().stream().map(ApiExceptionMapper::fieldOf).sorted().toList();
            String message = invalid.getConstraintViolations().stream()
                    .map(v -> fieldOf(v) + " " + v.getMessage()).sorted().reduce((a, b) -> a + "; " + b).orElse("Invalid request");
            return ApiError.response(400, "Bad Request", message, fields);
        }
        if (cause instanceof JsonbException) {
            return ApiError.response(Response.Status.BAD_REQUEST, "The body is not valid JSON for this request.");
        }
        if (cause instanceof IllegalArgumentException invalid) {
            // services name the field they refuse as "field: problem"
            java.util.regex.Matcher named = NAMED_FIELD.matcher(invalid.getMessage() == null ? "" : invalid.getMessage());
            return ApiError.response(400, "Bad Request", invalid.getMessage(), named.lookingAt() ? List.of(named.group(1)) : List.of());
        }
        if (cause instanceof IllegalStateException conflict) {
            if (conflict.getMessage() == null) {
                // services say why they refuse; one without a reason came from deeper down: keep the trace
                LOG.log(Level.WARNING, "REST request refused with 409 by an IllegalStateException without a message", failure);
            }
            return ApiError.response(Response.Status.CONFLICT, conflict.getMessage());
        }
        if (cause instanceof OptimisticLockException) {
            return ApiError.response(Response.Status.CONFLICT, "Someone else changed this in the meantime; load it again and retry.");
        }
        String reference = UUID.randomUUID().toString();
        LOG.log(Level.SEVERE, "REST request failed, reference " + reference, failure);
        return ApiError.response(Response.Status.INTERNAL_SERVER_ERROR, "Internal error; quote reference " + reference + " to your administrator.");
    }

    /** Container transactions wrap the real failure (e.g. in a TransactionalException). */
    private static Throwable unwrap(Throwable failure) {
        Throwable current = failure;
        while (!(current instanceof WebApplicationException || current instanceof ConstraintViolationException
                || current instanceof IllegalArgumentException || current instanceof OptimisticLockException
                || current instanceof JsonbException || current instanceof IllegalStateException) && current.getCause() != null && current.getCause() != current) {
            current = current.getCause();
        }
        return current;
    }

    /**
     * The field as the client wrote it: the property path without the resource method and its
     * parameter ({@code create.request.fields[0].name} → {@code fields[0].name}); the parameter's
     * name when the whole body is at fault.
     */
    static String fieldOf(ConstraintViolation<?> violation) {
        int calls = 0;
        for (jakarta.validation.Path.Node node : violation.getPropertyPath()) {
            jakarta.validation.ElementKind kind = node.getKind();
            if (kind == jakarta.validation.ElementKind.METHOD || kind == jakarta.validation.ElementKind.PARAMETER
                    || kind == jakarta.validation.ElementKind.CONSTRUCTOR || kind == jakarta.validation.ElementKind.CROSS_PARAMETER
                    || kind == jakarta.validation.ElementKind.RETURN_VALUE) {
                calls++;
            }
        }
        String path = violation.getPropertyPath().toString();
        String[] parts = path.split("\\.");
        if (calls == 0 || calls >= parts.length) {
            return parts[parts.length - 1];
        }
        return String.join(".", java.util.Arrays.copyOfRange(parts, calls, parts.length));
    }
}
