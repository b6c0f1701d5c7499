package org.switchboard.channels.form.control;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.switchboard.contacts.control.ContactHistory;

/** A contact's form submissions on their record, every value shown, hidden fields included. */
@ApplicationScoped
public class FormContactHistory implements ContactHistory {

    @Inject
    FormSubmissions submissions;

    @Override
    public List<Record> of(long contactId) {
        return submissions.ofContact(contactId).orElse(List.of()).stream()
                .map(s -> new Record(s.submittedAt(), s.form(), s.values().stream()
                        .map(v -> new Line(v.label(), String.join(", ", v.values()))).toList()))
                .toList();
    }
}
