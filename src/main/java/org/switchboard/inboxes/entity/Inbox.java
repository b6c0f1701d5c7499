package org.switchboard.inboxes.entity;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.switchboard.platform.persistence.Checks;

/** A shared conversations inbox; channels connected to it create conversations but no tickets. */
@Entity
@Table(name = "inboxes")
public class Inbox {

    @Id
    @SequenceGenerator(name = "inboxes_seq", sequenceName = "inboxes_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "inboxes_seq")
    private Long id;

    private String name;

    @Version
    private long version;

    protected Inbox() {
    }

    public Inbox(String name) {
        rename(name);
    }

    public void rename(String newName) {
        this.name = Checks.requireText(newName, "Inbox name", 100);
    }

    public Long getId() {
        return id;
    }

    public String getName() {
        return name;
    }
}
