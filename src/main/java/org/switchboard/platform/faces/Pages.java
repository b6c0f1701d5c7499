package org.switchboard.platform.faces;

import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;

/** What page beans say and answer: messages (also across a Post-Redirect-Get), request numbers, error statuses. */
public final class Pages {

    private Pages() {
    }

    public static void info(String text) {
        add(FacesMessage.SEVERITY_INFO, text);
    }

    /** A message for the page a redirect leads to. */
    public static void infoAfterRedirect(String text) {
        add(FacesMessage.SEVERITY_INFO, text);
        FacesContext.getCurrentInstance().getExternalContext().getFlash().setKeepMessages(true);
    }

    public static void error(String text) {
        add(FacesMessage.SEVERITY_ERROR, text);
    }

    private static void add(FacesMessage.Severity severity, String text) {
        FacesContext faces = FacesContext.getCurrentInstance();
        faces.addMessage(null, new FacesMessage(severity, text, null));
    }

    /** Answers with an error page instead of the view; from a page's {@code f:viewAction}, before anything renders. */
    public static void refuse(int status) {
        FacesContext faces = FacesContext.getCurrentInstance();
        try {
            faces.getExternalContext().responseSendError(status, null);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
        faces.responseComplete();
    }

    /** The innermost message of a failure, for a refusal the admin can act on (a name taken, a field wrong). */
    public static String reason(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
    }
}
