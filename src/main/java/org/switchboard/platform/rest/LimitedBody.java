package org.switchboard.platform.rest;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;

import jakarta.ws.rs.core.Response;

/** Reads a request body up to a limit; a larger one is refused with 413 before it is stored. */
public final class LimitedBody {

    private LimitedBody() {
    }

    public static byte[] read(InputStream in, int maxBytes) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        int total = 0;
        for (int n; (n = in.read(buffer)) != -1; ) {
            total += n;
            if (total > maxBytes) {
                throw new ApiException(Response.Status.REQUEST_ENTITY_TOO_LARGE, "The body is larger than " + maxBytes + " bytes.");
            }
            out.write(buffer, 0, n);
        }
        return out.toByteArray();
    }
}
