package org.switchboard.conversations.boundary;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.switchboard.conversations.control.AttachmentLinks;
import org.switchboard.conversations.entity.Attachment;

/**
 * {@code /public/attachments/{id}?expires&signature}: a file of a message for whoever holds a
 * signed link (a provider delivering an agent's reply). Always a download, never sniffed; a wrong,
 * foreign or expired link is 404, so a link reveals nothing about other files.
 */
@WebServlet("/public/attachments/*")
public class SignedAttachmentServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Inject
    transient AttachmentLinks links;

    @PersistenceContext
    transient EntityManager em;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        long id;
        try {
            id = Long.parseLong(request.getPathInfo() == null ? "" : request.getPathInfo().substring(1));
        } catch (NumberFormatException notAnId) {
            notFound(response);
            return;
        }
        if (!links.valid(id, request.getParameter("expires"), request.getParameter("signature"))) {
            notFound(response);
            return;
        }
        Attachment file = em.find(Attachment.class, id);
        if (file == null) {
            notFound(response);
            return;
        }
        response.setContentType("application/octet-stream");
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("Content-Security-Policy", "default-src 'none'; sandbox");
        response.setHeader("Cache-Control", "private, no-store");
        String encoded = URLEncoder.encode(file.getFilename(), StandardCharsets.UTF_8).replace("+", "%20");
        String ascii = file.getFilename().replaceAll("[^A-Za-z0-9._ -]", "_");
        response.setHeader("Content-Disposition", "attachment; filename=\"" + ascii + "\"; filename*=UTF-8''" + encoded);
        response.setContentLength(file.getContent().length);
        response.getOutputStream().write(file.getContent());
    }

    private static void notFound(HttpServletResponse response) throws IOException {
        response.setStatus(HttpServletResponse.SC_NOT_FOUND);
        response.setContentType("application/json");
        response.getWriter().write("{\"status\":404,\"error\":\"not_found\",\"message\":\"No such file, or the link has expired.\"}");
    }
}
