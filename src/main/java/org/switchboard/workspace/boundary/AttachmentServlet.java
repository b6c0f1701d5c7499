package org.switchboard.workspace.boundary;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Set;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.switchboard.workspace.control.WorkspaceQueries;

/**
 * {@code /files/attachments/{id}}: a message's file for agents and admins. Only common raster
 * images (inline images of mail) and audio (voicemail recordings, played on the ticket page) are
 * served as what they are; everything else — HTML and SVG included, which could carry script — is a
 * download of type application/octet-stream, never sniffed.
 */
@WebServlet("/files/attachments/*")
public class AttachmentServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;
    private static final Set<String> SHOWN_INLINE = Set.of("image/png", "image/jpeg", "image/gif", "image/webp",
            "audio/mpeg", "audio/wav", "audio/x-wav", "audio/ogg");

    @Inject
    transient WorkspaceQueries queries;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (!StoredFiles.agentOrAdmin(request, response)) {
            return;
        }
        long id;
        try {
            id = Long.parseLong(request.getPathInfo() == null ? "" : request.getPathInfo().substring(1));
        } catch (NumberFormatException notAnId) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        var file = queries.attachment(id).orElse(null);
        if (file == null) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        String type = file.contentType() == null ? "" : file.contentType().toLowerCase(java.util.Locale.ROOT).split(";")[0].strip();
        boolean inline = SHOWN_INLINE.contains(type);
        StoredFiles.sandboxed(response, inline ? type : "application/octet-stream");
        String encoded = URLEncoder.encode(file.filename(), StandardCharsets.UTF_8).replace("+", "%20");
        String ascii = file.filename().replaceAll("[^A-Za-z0-9._ -]", "_");
        response.setHeader("Content-Disposition", (inline ? "inline" : "attachment") + "; filename=\"" + ascii + "\"; filename*=UTF-8''" + encoded);
        response.setContentLength(file.content().length);
        response.getOutputStream().write(file.content());
    }
}
