package org.switchboard.workspace.boundary;

import java.io.IOException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/** What the servlets that serve stored files (attachments, contact pictures) share: who may read them, and how they are served. */
final class StoredFiles {

    private StoredFiles() {
    }

    /** Agents and admins only; anyone else is answered 403 here. */
    static boolean agentOrAdmin(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (request.isUserInRole("agent") || request.isUserInRole("admin")) {
            return true;
        }
        response.sendError(HttpServletResponse.SC_FORBIDDEN);
        return false;
    }

    /** Served as exactly this type, never sniffed into another, and sandboxed should a browser open it as a page. */
    static void sandboxed(HttpServletResponse response, String contentType) {
        response.setContentType(contentType);
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("Content-Security-Policy", "default-src 'none'; sandbox");
        response.setHeader("Cache-Control", "private, max-age=3600");
    }
}
