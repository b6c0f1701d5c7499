package org.switchboard.workspace.boundary;

import java.io.IOException;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.switchboard.contacts.control.ContactPictures;

/**
 * {@code /files/contacts/{id}/picture}: a contact's picture for agents and admins, on the contact card.
 * Only images checked to be PNG, JPEG, GIF or WebP are stored (see {@link ContactPictures}); they are
 * served as such, never sniffed, in a sandbox.
 */
@WebServlet("/files/contacts/*")
public class ContactPictureServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Inject
    transient ContactPictures pictures;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (!StoredFiles.agentOrAdmin(request, response)) {
            return;
        }
        String path = request.getPathInfo() == null ? "" : request.getPathInfo();
        var picture = path.matches("/\\d{1,18}/picture") ? pictures.of(Long.parseLong(path.split("/")[1])).orElse(null) : null;
        if (picture == null) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        StoredFiles.sandboxed(response, picture.contentType());
        response.setHeader("Content-Disposition", "inline");
        response.setContentLength(picture.content().length);
        response.getOutputStream().write(picture.content());
    }
}
