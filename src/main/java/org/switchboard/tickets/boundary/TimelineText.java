package org.switchboard.tickets.boundary;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;

import org.omnifaces.util.Faces;
import org.switchboard.tickets.control.TimelineTexts;
import org.switchboard.tickets.entity.Phrase;

/** Pages render timeline phrases in the viewer's language: {@code #{timelineText.of(event.phrases())}}. */
@Named
@ApplicationScoped
public class TimelineText {

    public String of(List<Phrase> phrases) {
        return TimelineTexts.render(phrases, Faces.getLocale());
    }
}
