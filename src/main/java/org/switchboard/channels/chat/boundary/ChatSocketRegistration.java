package org.switchboard.channels.chat.boundary;

import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.websocket.DeploymentException;
import jakarta.websocket.server.ServerContainer;
import jakarta.websocket.server.ServerEndpointConfig;

/**
 * Registers the widget's WebSocket endpoint ({@link ChatSocket}) on every deployment. Declared in
 * {@code web.xml} rather than found by annotation scanning: on Payara Micro 6.2025.10 an
 * {@code @ServerEndpoint} class of this WAR was left out of about half the deployments (handshakes
 * answered 404, the widget fell back to long polls), while a listener named in web.xml always runs.
 * A server without WebSockets still deploys: widgets then long-poll, and the log says why.
 */
public class ChatSocketRegistration implements ServletContextListener {

    private static final java.util.logging.Logger LOG = java.util.logging.Logger.getLogger(ChatSocketRegistration.class.getName());

    @Override
    public void contextInitialized(ServletContextEvent event) {
        ServerContainer container = (ServerContainer) event.getServletContext().getAttribute(ServerContainer.class.getName());
        if (container == null) {
            LOG.warning("The server offers no WebSocket container: chat widgets will use long polls");
            return;
        }
        try {
            container.addEndpoint(ServerEndpointConfig.Builder.create(ChatSocket.class, ChatSocket.PATH).build());
        } catch (DeploymentException e) {
            LOG.warning("The chat widget's WebSocket endpoint cannot be registered (" + e.getMessage() + "): chat widgets will use long polls");
        }
    }
}
