package org.switchboard.channels.meta;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.switchboard.platform.rest.ApiException;

/**
 * What every Meta webhook endpoint does the same way: the subscription handshake
 * ({@code hub.mode=subscribe}, {@code hub.verify_token}, {@code hub.challenge}), verify tokens
 * (random, compared in constant time), refusals that name the field, and a digest of a raw body
 * for journal keys of events that carry no id.
 */
public final class MetaWebhooks {

    private static final SecureRandom RANDOM = new SecureRandom();

    private MetaWebhooks() {
    }

    /** Why a webhook was refused, as the HTTP answer says it. */
    public static final class Refused extends RuntimeException {
        private final int status;
        private final String field;

        public Refused(int status, String field, String message) {
            super(message);
            this.status = status;
            this.field = field;
        }

        public int status() {
            return status;
        }

        public String field() {
            return field;
        }

        /** The JSON error answer: the status and the field. */
        public ApiException asApiError() {
            return new ApiException(Response.Status.fromStatusCode(status), getMessage(), field == null ? List.of() : List.of(field));
        }
    }

    /** The webhook body as JSON, refused with 400 when it is not JSON or not for this product ({@code object}). */
    public static jakarta.json.JsonObject body(byte[] raw, String object, String what) {
        jakarta.json.JsonObject body;
        try {
            body = org.switchboard.platform.json.Jsonp.object(raw);
        } catch (RuntimeException notJson) {
            throw new Refused(400, null, "The body is not a JSON object");
        }
        if (!object.equals(body.getString("object", ""))) {
            throw new Refused(400, "object", "object: not a " + what + " webhook (\"" + body.getString("object", "") + "\")");
        }
        return body;
    }

    /** Every channel the body is for must have signed it (one app secret each); otherwise 401 and nothing is stored. */
    public static void requireSigned(byte[] raw, String signature, java.util.Collection<String> appSecrets) {
        if (appSecrets.isEmpty() || !appSecrets.stream().distinct().allMatch(secret -> MetaSignature.verifies(secret, raw, signature))) {
            throw new Refused(401, MetaSignature.HEADER, "The " + MetaSignature.HEADER + " signature does not match the body under the app secret");
        }
    }

    /** The handshake's answer: the challenge as plain text when the token is known, otherwise 403. */
    public static Response handshake(String mode, String challenge, boolean tokenKnown, String whose) {
        if (!"subscribe".equals(mode) || challenge == null || challenge.length() > 200 || !tokenKnown) {
            throw new ApiException(Response.Status.FORBIDDEN, "The verify token is no " + whose + " channel's");
        }
        return Response.ok(challenge, MediaType.TEXT_PLAIN_TYPE).build();
    }

    /** Whether the presented token is one of these, each compared in constant time. */
    public static boolean tokenAmong(Stream<String> tokens, String presented) {
        if (presented == null) {
            return false;
        }
        byte[] given = presented.getBytes(StandardCharsets.UTF_8);
        return tokens.filter(Objects::nonNull).map(t -> MessageDigest.isEqual(t.getBytes(StandardCharsets.UTF_8), given))
                .reduce(false, (a, b) -> a | b);
    }

    public static String newVerifyToken(String prefix) {
        byte[] bytes = new byte[16];
        RANDOM.nextBytes(bytes);
        return prefix + HexFormat.of().formatHex(bytes);
    }

    public static String sha256(byte[] raw) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(raw));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
