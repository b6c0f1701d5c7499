package org.switchboard.platform.rest;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.util.List;
import java.util.Locale;

import jakarta.ws.rs.core.Response;

/**
 * What every endpoint that reads a raw body checks the same way: the media type, matched exactly
 * (parameters aside; {@code application/jsonx} is not JSON), and the declared charset, honoured
 * and checked — bytes that are not valid in it are refused, never stored as U+FFFD.
 */
public final class RequestBodies {

    private RequestBodies() {
    }

    /** 415 unless the Content-Type's type/subtype is {@code expected}. */
    public static void requireMediaType(String contentType, String expected, String hint) {
        if (!expected.equals(mediaType(contentType))) {
            throw new ApiException(Response.Status.UNSUPPORTED_MEDIA_TYPE, hint);
        }
    }

    /** The type/subtype of a Content-Type header in lower case, without parameters; null when there is none. */
    public static String mediaType(String contentType) {
        if (contentType == null) {
            return null;
        }
        String type = contentType.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
        return type.isEmpty() ? null : type;
    }

    /**
     * A text body as UTF-8 bytes: decoded strictly with the declared charset (UTF-8 when none is
     * declared) and encoded again as UTF-8. 415 for a charset Java does not know; 400 for bytes
     * that are not valid in the charset.
     */
    public static byte[] utf8(String contentType, byte[] body) {
        Charset charset = declaredCharset(contentType);
        String text;
        try {
            text = charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(body)).toString();
        } catch (CharacterCodingException invalid) {
            throw new ApiException(Response.Status.BAD_REQUEST, "The body is not valid " + charset.name() + " text", List.of());
        }
        return charset.equals(StandardCharsets.UTF_8) ? body : text.getBytes(StandardCharsets.UTF_8);
    }

    private static Charset declaredCharset(String contentType) {
        if (contentType != null) {
            for (String parameter : contentType.split(";")) {
                String[] pair = parameter.strip().split("=", 2);
                if (pair.length == 2 && pair[0].strip().equalsIgnoreCase("charset")) {
                    String name = pair[1].strip().replace("\"", "");
                    try {
                        return Charset.forName(name);
                    } catch (IllegalCharsetNameException | UnsupportedCharsetException unknown) {
                        throw new ApiException(Response.Status.UNSUPPORTED_MEDIA_TYPE, "Unknown charset " + name + "; send UTF-8");
                    }
                }
            }
        }
        return StandardCharsets.UTF_8;
    }
}
