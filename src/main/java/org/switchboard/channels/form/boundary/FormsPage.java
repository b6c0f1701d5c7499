package org.switchboard.channels.form.boundary;

import java.io.Serializable;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import org.omnifaces.util.Messages;
import org.switchboard.channels.entity.ChannelDestination;
import org.switchboard.channels.form.control.FieldKind;
import org.switchboard.channels.form.control.FormField;
import org.switchboard.channels.form.control.FormField.Text;
import org.switchboard.channels.form.control.FormService;
import org.switchboard.channels.form.control.FormService.ConnectRequest;
import org.switchboard.channels.form.control.FormService.FormRequest;
import org.switchboard.channels.form.control.FormService.FormView;
import org.switchboard.platform.i18n.Texts;

/**
 * Settings → Forms: every form with its hosted page, whether it is in the help desk, and what its
 * spam defence refused; a ready contact form to start from; connecting a form to the help desk (or
 * to a shared inbox, to move into the help desk later with its history) and removing it from there.
 */
@Named
@ViewScoped
public class FormsPage implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    transient FormService forms;

    @Inject
    transient Texts texts;

    private List<FormView> list = List.of();
    /** Per form not yet connected: where its submissions go (the help desk, or a new shared inbox to move later). */
    private final Map<Long, String> destinations = new HashMap<>(); // names: a map's value type is not known to the page's converters

    @PostConstruct
    void init() {
        list = forms.list();
    }

    public List<FormView> getForms() {
        return list;
    }

    /** A contact form (name, email, message, consent) to start from, labelled in both languages. */
    public void newContactForm() {
        forms.create(new FormRequest(texts.get("forms.contactForm"), List.of(
                new FormField("name", FieldKind.TEXT, new Text("Your name", "Nimesi"), null, true, null, null, null),
                new FormField("email", FieldKind.EMAIL, new Text("Email", "Sähköposti"), new Text("We answer to this address.", "Vastaamme tähän osoitteeseen."),
                        true, null, null, null),
                new FormField("message", FieldKind.TEXTAREA, new Text("Message", "Viesti"), null, true, null, null, null),
                new FormField("consent", FieldKind.CONSENT, new Text("You may store my message to answer it.", "Viestini saa tallentaa vastaamista varten."),
                        null, true, null, null, null)), null));
        init();
        Messages.addGlobalInfo(texts.get("forms.created"));
    }

    public void connect(long id) {
        ChannelDestination destination = ChannelDestination.valueOf(destinations.getOrDefault(id, ChannelDestination.HELP_DESK.name()));
        forms.connect(id, new ConnectRequest(null, null, null, destination, null, null));
        init();
        Messages.addGlobalInfo(texts.get(destination == ChannelDestination.SHARED_INBOX ? "forms.connectedToInbox" : "forms.connected"));
    }

    public Map<Long, String> getDestinations() {
        return destinations;
    }

    public ChannelDestination[] getDestinationChoices() {
        return ChannelDestination.values();
    }

    public void disconnect(long id) {
        forms.disconnect(id);
        init();
        Messages.addGlobalInfo(texts.get("forms.disconnected"));
    }
}
