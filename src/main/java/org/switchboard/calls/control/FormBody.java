package org.switchboard.calls.control;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.switchboard.inbound.control.InvalidPayloadException;

/** An {@code application/x-www-form-urlencoded} body (or a query string) as phone systems post it: name → values, in order. */
public final class FormBody {

    private FormBody() {
    }

    /** @throws InvalidPayloadException when an escape is broken */
    public static Map<String, List<String>> parse(String encoded) {
        Map<String, List<String>> values = new LinkedHashMap<>();
        if (encoded == null || encoded.isEmpty()) {
            return values;
        }
        for (String pair : encoded.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            try {
                String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
                String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
                values.computeIfAbsent(name, k -> new ArrayList<>()).add(value);
            } catch (IllegalArgumentException badEscape) {
                throw new InvalidPayloadException(null, "The form is not URL-encoded: " + badEscape.getMessage());
            }
        }
        return values;
    }

    public static Map<String, List<String>> parse(byte[] raw) {
        return parse(new String(raw, StandardCharsets.UTF_8));
    }
}
