package org.switchboard.contacts.control;

import java.io.Serializable;
import java.time.Instant;
import java.util.List;

/**
 * What a feature knows about a contact beyond tickets — e.g. a form kind's submissions with the
 * hidden fields the help desk view leaves out. Each implementation is a CDI bean; the contact card
 * shows every record, newest first, without naming the features.
 */
public interface ContactHistory {

    List<Record> of(long contactId);

    /** One entry of a contact's history: when, what (e.g. the form's name), and its values. */
    record Record(Instant at, String title, List<Line> lines) implements Serializable {
    }

    record Line(String label, String value) implements Serializable {
    }
}
