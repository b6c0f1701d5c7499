package org.switchboard.platform.faces;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.logging.Logger;

import jakarta.faces.application.ViewExpiredException;
import jakarta.faces.context.ExceptionHandler;
import jakarta.faces.context.ExceptionHandlerFactory;
import jakarta.faces.context.ExceptionHandlerWrapper;
import jakarta.faces.context.FacesContext;
import jakarta.faces.event.ExceptionQueuedEvent;

import org.omnifaces.util.Exceptions;
import org.omnifaces.util.Faces;

/**
 * A form posted with a view state the server does not hold (the session expired, the server
 * restarted, or the state was forged) is not an error: the user is sent back to the same page by
 * a GET with {@code expired=true}, where the page says what happened. Nothing is logged above
 * FINE, because nothing is wrong with the server. Ajax requests get the same redirect.
 */
public class ExpiredViews extends ExceptionHandlerFactory {

    /** The query parameter the pages look for to say "your page had expired". */
    public static final String PARAMETER = "expired";

    private static final Logger LOG = Logger.getLogger(ExpiredViews.class.getName());

    public ExpiredViews(ExceptionHandlerFactory wrapped) {
        super(wrapped);
    }

    @Override
    public ExceptionHandler getExceptionHandler() {
        return new Handler(getWrapped().getExceptionHandler());
    }

    private static final class Handler extends ExceptionHandlerWrapper {

        Handler(ExceptionHandler wrapped) {
            super(wrapped);
        }

        @Override
        public void handle() {
            FacesContext context = FacesContext.getCurrentInstance();
            Iterator<ExceptionQueuedEvent> events = getUnhandledExceptionQueuedEvents().iterator();
            while (events.hasNext()) {
                Throwable exception = events.next().getContext().getException();
                if (Exceptions.is(exception, ViewExpiredException.class) && !context.getResponseComplete()) {
                    events.remove();
                    LOG.fine(() -> "View state not held for " + Faces.getRequestURI() + "; sending the user back to the page");
                    redirectToSamePage();
                    context.responseComplete();
                }
            }
            getWrapped().handle();
        }

        private static void redirectToSamePage() {
            String query = Faces.getRequestQueryString();
            StringBuilder target = new StringBuilder(Faces.getRequestURI()).append('?');
            if (query != null && !query.isEmpty()) {
                for (String pair : query.split("&")) {
                    if (!pair.isEmpty() && !pair.startsWith(PARAMETER + "=") && !pair.equals(PARAMETER)) {
                        target.append(pair).append('&');
                    }
                }
            }
            target.append(PARAMETER).append("=true");
            try {
                Faces.getExternalContext().redirect(target.toString());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
