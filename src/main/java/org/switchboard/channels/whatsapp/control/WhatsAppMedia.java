package org.switchboard.channels.whatsapp.control;

import java.io.IOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.switchboard.channels.entity.Channel;
import org.switchboard.channels.meta.MetaGraph;
import org.switchboard.channels.meta.MetaGraph.Answer;
import org.switchboard.conversations.control.FileSource;

/**
 * WhatsApp media into attachments, as the Cloud API documents it: {@code GET /{media-id}} with the
 * channel's access token answers the file's short-lived {@code url}, {@code mime_type}, {@code sha256} and
 * {@code file_size}; a {@code GET} of that URL with the same token answers the bytes. The bytes are checked
 * against the checksum. Meta keeps media for 30 days: a media id it no longer knows is given up at once.
 */
@ApplicationScoped
public class WhatsAppMedia implements FileSource {

    /** WhatsApp's own largest file (documents, 100 MB). */
    static final long MAX_BYTES = 100L * 1024 * 1024;

    @Inject
    WhatsAppChannelService channels;

    @Inject
    MetaGraph graph;

    @Override
    public String kind() {
        return WhatsAppConnector.KIND;
    }

    @Override
    public Fetched fetch(Channel channel, String mediaId) throws IOException {
        WhatsAppChannelService.Outbound account = channels.outbound(channel)
                .orElseThrow(() -> new NotFetchable("the channel has no access token"));
        try {
            Answer info = graph.get(MetaGraph.encode(mediaId), account.accessToken());
            if (!info.ok()) {
                refused(channel, info);
            }
            String url = info.body().getString("url", null);
            if (url == null) {
                throw new IOException("Meta's answer names no url for media " + mediaId);
            }
            if (info.body().containsKey("file_size") && info.body().getJsonNumber("file_size").longValue() > MAX_BYTES) {
                throw new NotFetchable("larger than WhatsApp's 100 MB");
            }
            MetaGraph.Download file = FileSource.download("Meta", Set.of(404, 410), () -> graph.download(url, account.accessToken(), MAX_BYTES),
                    MetaGraph.Download::status);
            String expected = info.body().getString("sha256", null);
            if (expected != null && !matches(expected, file.content())) {
                throw new IOException("the file's SHA-256 is not the one Meta named");
            }
            String type = info.body().getString("mime_type", file.contentType());
            return new Fetched(null, type, file.content());
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", interrupted);
        }
    }

    private void refused(Channel channel, Answer info) throws IOException {
        MetaGraph.GraphError error = info.error().orElse(null);
        if (error != null && error.tokenInvalid()) {
            channels.tokenRefused(channel.getId()); // "reconnect needed"; the file waits for a new token
            throw new IOException("Meta refused the access token: " + error.message());
        }
        if (info.status() == 404 || (error != null && error.code() == 100)) {
            throw new NotFetchable("Meta no longer has this file" + (error == null ? "" : ": " + error.message()));
        }
        throw new IOException("Meta answered HTTP " + info.status() + (error == null ? "" : ": " + error.message()));
    }

    /** Meta's checksum, hexadecimal or base64. */
    static boolean matches(String expected, byte[] content) {
        byte[] digest;
        try {
            digest = MessageDigest.getInstance("SHA-256").digest(content);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        String wanted = expected.strip();
        return wanted.equalsIgnoreCase(HexFormat.of().formatHex(digest)) || wanted.equals(Base64.getEncoder().encodeToString(digest));
    }
}
