package org.switchboard.contacts.entity;

import java.util.Objects;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

import org.switchboard.platform.persistence.Checks;

/** How a channel knows a contact when it gives no email: a Messenger page-scoped id, a WhatsApp number, a custom channel's user id. */
@Embeddable
public class ExternalIdentity {

    @Column(name = "kind")
    private String kind;

    @Column(name = "external_id")
    private String externalId;

    protected ExternalIdentity() {
    }

    public ExternalIdentity(String kind, String externalId) {
        this.kind = Checks.requireText(kind, "Identity kind", 50);
        this.externalId = Checks.requireText(externalId, "External id", 200);
    }

    public String kind() {
        return kind;
    }

    public String externalId() {
        return externalId;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ExternalIdentity other && kind.equals(other.kind) && externalId.equals(other.externalId);
    }

    @Override
    public int hashCode() {
        return Objects.hash(kind, externalId);
    }

    @Override
    public String toString() {
        return kind + ":" + externalId;
    }
}
