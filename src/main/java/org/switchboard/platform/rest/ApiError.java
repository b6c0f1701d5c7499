package org.switchboard.platform.rest;

import java.util.List;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** The body of every error the API returns. {@code fields} names the invalid request fields, if any. */
public record ApiError(int status, String error, String message, List<String> fields) {

    public static Response response(Response.Status status, String message) {
        return response(status.getStatusCode(), status.getReasonPhrase(), message, List.of());
    }

    public static Response response(int status, String error, String message, List<String> fields) {
        return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE)
                .entity(new ApiError(status, error.toLowerCase().replace(' ', '_'), message, fields)).build();
    }
}
