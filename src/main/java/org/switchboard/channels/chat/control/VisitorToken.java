package org.switchboard.channels.chat.control;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;

import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.stream.JsonParsingException;

import org.switchboard.platform.crypto.SecretBox;
import org.switchboard.platform.json.Jsonp;

/**
 * The token a widget holds for its visitor: channel, visitor id, whether the host site verified it,
 * and the verified email and name. Signed with a key derived from the installation's secret key and
 * checked in constant time, so a visitor can neither take another's conversation nor claim to be
 * verified. Kept by the widget in the visitor's browser only once they open the chat.
 */
public final class VisitorToken {

    static final String PURPOSE = "chat-visitor";
    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();

    private final SecretBox keys;

    public VisitorToken(SecretBox keys) {
        this.keys = keys;
    }

    public String issue(Visitor visitor) {
        JsonObjectBuilder json = Jsonp.objectBuilder().add("c", visitor.channelId()).add("v", visitor.id()).add("ok", visitor.verified());
        if (visitor.email() != null) {
            json.add("e", visitor.email());
        }
        if (visitor.name() != null) {
            json.add("n", visitor.name());
        }
        String payload = json.build().toString();
        return B64.encodeToString(payload.getBytes(StandardCharsets.UTF_8)) + "." + B64.encodeToString(keys.tag(PURPOSE, payload));
    }

    /** The visitor the token names on this channel; null when it is malformed, forged or for another channel. */
    public Visitor read(String token, long channelId) {
        if (token == null || token.length() > 2000) {
            return null;
        }
        int dot = token.indexOf('.');
        if (dot < 1 || dot != token.lastIndexOf('.')) {
            return null;
        }
        try {
            String payload = new String(Base64.getUrlDecoder().decode(token.substring(0, dot)), StandardCharsets.UTF_8);
            byte[] given = Base64.getUrlDecoder().decode(token.substring(dot + 1));
            if (!MessageDigest.isEqual(given, keys.tag(PURPOSE, payload))) {
                return null;
            }
            JsonObject json = Jsonp.object(payload);
            if (json.getJsonNumber("c").longValueExact() != channelId) {
                return null;
            }
            return new Visitor(channelId, json.getString("v"), json.getBoolean("ok"), text(json, "e"), text(json, "n"));
        } catch (IllegalArgumentException | JsonParsingException | ClassCastException | NullPointerException | ArithmeticException malformed) {
            return null;
        }
    }

    private static String text(JsonObject json, String name) {
        return json.get(name) instanceof JsonString value ? value.getString() : null;
    }
}
