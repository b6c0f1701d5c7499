package org.switchboard.channels.messenger.control;

import java.io.IOException;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.switchboard.channels.entity.Channel;
import org.switchboard.channels.meta.MetaGraph;
import org.switchboard.conversations.control.FileSource;

/**
 * Messenger's attachments into files of the message: a webhook names an image, video, audio clip or
 * file by a signed link on Facebook's content hosts, which expires after a while — so the file is
 * fetched within seconds of the message, with no credentials (the page's token never goes to a CDN).
 * An expired or refused link is given up at once with the reason.
 */
@ApplicationScoped
public class MessengerFiles implements FileSource {

    /** Messenger's own largest attachment. */
    static final long MAX_BYTES = 25L * 1024 * 1024;

    @Inject
    MetaGraph graph;

    @Override
    public String kind() {
        return MessengerConnector.KIND;
    }

    @Override
    public Fetched fetch(Channel channel, String url) throws IOException {
        // 403 is how Facebook's content hosts answer an expired link
        MetaGraph.Download file = FileSource.download("Facebook", Set.of(403, 404, 410), () -> graph.downloadLink(url, MAX_BYTES), MetaGraph.Download::status);
        return new Fetched(null, file.contentType(), file.content());
    }
}
