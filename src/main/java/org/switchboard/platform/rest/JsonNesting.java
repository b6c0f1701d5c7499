package org.switchboard.platform.rest;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;

import jakarta.json.JsonException;
import jakarta.json.spi.JsonProvider;
import jakarta.json.stream.JsonParser;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;
import jakarta.ws.rs.ext.ReaderInterceptor;
import jakarta.ws.rs.ext.ReaderInterceptorContext;

/**
 * JSON nested deeper than any request of ours needs is refused with 400 before a tree parser
 * (JSON-P's reader, JSON-B) recurses into it and runs out of stack. The depth is counted with the
 * streaming parser, which does not recurse. As a reader interceptor it guards every JSON-B body;
 * endpoints that read raw bytes call {@link #check} themselves.
 */
@Provider
public class JsonNesting implements ReaderInterceptor {

    /** Deeper than any body the API takes (the deepest are a few levels). */
    public static final int MAX_DEPTH = 64;
    /** What a JSON-B body may weigh; raw endpoints have their own limits. */
    static final int MAX_BYTES = 64 * 1024 * 1024;
    private static final JsonProvider JSON = JsonProvider.provider();

    @Override
    public Object aroundReadFrom(ReaderInterceptorContext context) throws IOException, WebApplicationException {
        MediaType type = context.getMediaType();
        if (type == null || InputStream.class.isAssignableFrom(context.getType()) || byte[].class.equals(context.getType())
                || !(type.getSubtype().equalsIgnoreCase("json") || type.getSubtype().toLowerCase().endsWith("+json"))) {
            return context.proceed();
        }
        byte[] body = LimitedBody.read(context.getInputStream(), MAX_BYTES);
        check(body);
        context.setInputStream(new ByteArrayInputStream(body));
        return context.proceed();
    }

    /** 400 when the JSON nests deeper than {@link #MAX_DEPTH}; malformed JSON is left to the parser that reads it. */
    public static void check(byte[] json) {
        int depth = 0;
        try (JsonParser parser = JSON.createParser(new ByteArrayInputStream(json))) {
            while (parser.hasNext()) {
                JsonParser.Event event = parser.next();
                if (event == JsonParser.Event.START_ARRAY || event == JsonParser.Event.START_OBJECT) {
                    if (++depth > MAX_DEPTH) {
                        throw new ApiException(Response.Status.BAD_REQUEST, "The JSON nests deeper than " + MAX_DEPTH + " levels", List.of());
                    }
                } else if (event == JsonParser.Event.END_ARRAY || event == JsonParser.Event.END_OBJECT) {
                    depth--;
                }
            }
        } catch (JsonException malformed) {
            // the reader that follows names the problem
        }
    }
}
