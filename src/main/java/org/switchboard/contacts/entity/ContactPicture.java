package org.switchboard.contacts.entity;

import java.time.Instant;

import jakarta.persistence.Basic;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.switchboard.platform.persistence.Checks;

/** A contact's picture, kept because the channel's link to it expires; one per contact, deleted with it. */
@Entity
@Table(name = "contact_pictures")
public class ContactPicture {

    @Id
    @Column(name = "contact_id")
    private Long contactId;

    @Column(name = "content_type")
    private String contentType;

    @Basic(fetch = FetchType.LAZY)
    private byte[] content;

    @Column(name = "fetched_at")
    private Instant fetchedAt;

    protected ContactPicture() {
    }

    public ContactPicture(long contactId, String contentType, byte[] content) {
        this.contactId = contactId;
        this.contentType = Checks.require(contentType, "Content type");
        this.content = Checks.require(content, "Picture");
        this.fetchedAt = Instant.now();
    }

    public String getContentType() {
        return contentType;
    }

    public byte[] getContent() {
        return content;
    }
}
