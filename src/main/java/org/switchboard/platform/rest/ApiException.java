package org.switchboard.platform.rest;

import java.util.List;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;

/** A precise API error: status, message, and the request fields at fault. */
public class ApiException extends WebApplicationException {

    private static final long serialVersionUID = 1L;

    public ApiException(Response.Status status, String message) {
        this(status, message, List.of());
    }

    public ApiException(Response.Status status, String message, List<String> fields) {
        super(message, ApiError.response(status.getStatusCode(), status.getReasonPhrase(), message, fields));
    }
}
