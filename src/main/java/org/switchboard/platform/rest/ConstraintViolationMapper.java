package org.switchboard.platform.rest;

import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/**
 * Bean Validation failures of a request as the API's JSON error naming the fields. Registered
 * for the exact type because Jersey brings a mapper for {@code ValidationException} that, being
 * more specific than {@link ApiExceptionMapper}'s {@code Throwable}, would answer with an HTML page.
 */
@Provider
public class ConstraintViolationMapper implements ExceptionMapper<ConstraintViolationException> {

    private final ApiExceptionMapper errors = new ApiExceptionMapper();

    @Override
    public Response toResponse(ConstraintViolationException invalid) {
        return errors.toResponse(invalid);
    }
}
