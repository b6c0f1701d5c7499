package org.switchboard.channels.form.control;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;

/**
 * A form's own spam defence, on top of the installation's limits (which always apply): at most
 * so many submissions from one client address to this form per hour and per day, this form's
 * daily total (instead of the installation's default), and the sites allowed to embed and post it.
 * A null limit means the installation's; no origins means any site may embed the form.
 */
public record FormProtection(@Min(1) @Max(1_000_000) Integer perAddressHour, @Min(1) @Max(1_000_000) Integer perAddressDay,
                             @Min(1) @Max(10_000_000) Integer perFormDay, @Size(max = 20) List<String> allowedOrigins) {

    public static final FormProtection NONE = new FormProtection(null, null, null, List.of());

    public FormProtection {
        allowedOrigins = allowedOrigins == null ? List.of() : List.copyOf(allowedOrigins);
    }

    /** The origins normalized ({@code https://host[:port]}, lower case); names the limit or entry that cannot work. */
    public FormProtection checked() {
        checkLimit(perAddressHour, "perAddressHour", 1_000_000);
        checkLimit(perAddressDay, "perAddressDay", 1_000_000);
        checkLimit(perFormDay, "perFormDay", 10_000_000);
        if (allowedOrigins.size() > 20) {
            throw new IllegalArgumentException("allowedOrigins: at most 20 sites");
        }
        List<String> origins = new ArrayList<>();
        for (int i = 0; i < allowedOrigins.size(); i++) {
            String origin = normalize(allowedOrigins.get(i));
            if (origin == null) {
                throw new IllegalArgumentException("allowedOrigins[" + i + "]: \"" + allowedOrigins.get(i)
                        + "\" is not a site's origin (https://www.example.com, with no path)");
            }
            if (!origins.contains(origin)) {
                origins.add(origin);
            }
        }
        return new FormProtection(perAddressHour, perAddressDay, perFormDay, origins);
    }

    private static void checkLimit(Integer limit, String field, int most) {
        if (limit != null && (limit < 1 || limit > most)) {
            throw new IllegalArgumentException(field + ": from 1 to " + most + ", or empty for the installation's limit");
        }
    }

    /** Whether a page of the given origin may embed and post the form. */
    public boolean allows(String origin) {
        if (allowedOrigins.isEmpty()) {
            return true;
        }
        String normalized = normalize(origin);
        return normalized != null && allowedOrigins.contains(normalized);
    }

    public boolean restrictsOrigins() {
        return !allowedOrigins.isEmpty();
    }

    /** {@code scheme://host[:port]} as browsers send it in {@code Origin}, the default port left out; null when it is not one. */
    static String normalize(String origin) {
        if (origin == null || origin.isBlank() || origin.length() > 200) {
            return null;
        }
        try {
            URI uri = new URI(origin.strip());
            String scheme = uri.getScheme() == null ? null : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!("https".equals(scheme) || "http".equals(scheme)) || uri.getHost() == null || uri.getRawUserInfo() != null
                    || (uri.getRawPath() != null && !uri.getRawPath().isEmpty() && !"/".equals(uri.getRawPath()))
                    || uri.getRawQuery() != null || uri.getRawFragment() != null) {
                return null;
            }
            int port = uri.getPort();
            boolean defaultPort = port == -1 || ("https".equals(scheme) && port == 443) || ("http".equals(scheme) && port == 80);
            return scheme + "://" + uri.getHost().toLowerCase(Locale.ROOT) + (defaultPort ? "" : ":" + port);
        } catch (java.net.URISyntaxException notAnOrigin) {
            return null;
        }
    }
}
