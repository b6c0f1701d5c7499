package org.switchboard.channels.chat.boundary;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.ext.Provider;

/**
 * The widget runs on the company's own site, so its calls are cross-origin: every answer under
 * {@code v1/inbound/chat/} (errors too, so the widget can read them) allows any origin, without
 * credentials — the widget sends no cookies; its visitor token is in the body.
 */
@Provider
public class ChatCors implements ContainerResponseFilter {

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        if (!request.getUriInfo().getPath().replaceFirst("^/", "").startsWith("v1/inbound/chat/")) {
            return;
        }
        MultivaluedMap<String, Object> headers = response.getHeaders();
        headers.putSingle("Access-Control-Allow-Origin", "*");
        headers.putSingle("Access-Control-Allow-Methods", "POST, OPTIONS");
        headers.putSingle("Access-Control-Allow-Headers", "Content-Type");
        headers.putSingle("Access-Control-Max-Age", "600");
    }
}
