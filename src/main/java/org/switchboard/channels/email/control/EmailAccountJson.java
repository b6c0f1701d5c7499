package org.switchboard.channels.email.control;

import java.io.StringReader;

import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReader;
import jakarta.json.spi.JsonProvider;

import org.switchboard.channels.email.control.EmailAccount.AuthMethod;
import org.switchboard.channels.email.control.EmailAccount.FromNameMode;
import org.switchboard.channels.email.control.EmailAccount.Kind;
import org.switchboard.channels.email.control.EmailAccount.Security;
import org.switchboard.channels.email.control.EmailAccount.Server;

/** The JSON form of an {@link EmailAccount} in {@code channels.type_settings}. */
public final class EmailAccountJson {

    private static final JsonProvider JSON = JsonProvider.provider();

    private EmailAccountJson() {
    }

    public static String write(EmailAccount account) {
        JsonObjectBuilder json = JSON.createObjectBuilder().add("kind", account.kind().name()).add("address", account.address())
                .add("fromNameMode", account.fromNameMode().name()).add("signatureHtml", account.signatureHtml())
                .add("logForwardedOnOriginalSender", account.logForwardedOnOriginalSender()).add("auth", account.auth().name())
                .add("folder", account.folder()).add("pollSeconds", account.pollSeconds());
        put(json, "companyName", account.companyName());
        put(json, "signature", account.signature());
        put(json, "username", account.username());
        put(json, "sealedSecret", account.sealedSecret());
        put(json, "moveToFolder", account.moveToFolder());
        put(json, "inboundTokenHash", account.inboundTokenHash());
        if (account.imap() != null) {
            json.add("imap", server(account.imap()));
        }
        if (account.smtp() != null) {
            json.add("smtp", server(account.smtp()));
        }
        return json.build().toString();
    }

    /** Like {@link #read}, but an unreadable account counts as none: for looking across channels, or replacing it. */
    public static EmailAccount readIfValid(String text) {
        try {
            return read(text);
        } catch (IllegalStateException unreadable) {
            return null;
        }
    }

    public static EmailAccount read(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        JsonObject json;
        try (JsonReader reader = JSON.createReader(new StringReader(text))) {
            json = reader.readObject();
        } catch (RuntimeException notJson) {
            throw new IllegalStateException("The stored account settings are not readable JSON; connect the account again", notJson);
        }
        if (!json.containsKey("kind") || !json.containsKey("address")) {
            throw new IllegalStateException("The stored account settings are incomplete (no kind or address); connect the account again");
        }
        return new EmailAccount(Kind.valueOf(json.getString("kind")), json.getString("address"), json.getString("companyName", null),
                FromNameMode.valueOf(json.getString("fromNameMode", FromNameMode.AGENT_AND_COMPANY.name())),
                json.getString("signature", null), json.getBoolean("signatureHtml", false),
                json.getBoolean("logForwardedOnOriginalSender", true), server(json, "imap"), server(json, "smtp"),
                AuthMethod.valueOf(json.getString("auth", AuthMethod.PASSWORD.name())), json.getString("username", null),
                json.getString("sealedSecret", null), json.getString("folder", "INBOX"), json.getString("moveToFolder", null),
                json.getInt("pollSeconds", 60), json.getString("inboundTokenHash", null));
    }

    private static JsonObjectBuilder server(Server server) {
        JsonObjectBuilder json = JSON.createObjectBuilder().add("port", server.port()).add("security", server.security().name());
        put(json, "host", server.host());
        return json;
    }

    private static Server server(JsonObject json, String field) {
        JsonObject server = json.containsKey(field) && !json.isNull(field) ? json.getJsonObject(field) : null;
        return server == null ? null : new Server(server.getString("host", null), server.getInt("port"), Security.valueOf(server.getString("security")));
    }

    private static void put(JsonObjectBuilder json, String field, String value) {
        if (value != null) {
            json.add(field, value);
        }
    }
}
