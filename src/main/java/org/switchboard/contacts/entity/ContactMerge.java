package org.switchboard.contacts.entity;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

import org.switchboard.platform.persistence.Checks;

/** A contact merged into another: what the one that stays keeps of it (name, what identified it), who merged them and when. */
@Entity
@Table(name = "contact_merges")
@NamedQuery(name = "ContactMerge.ofContact", query = "SELECT m FROM ContactMerge m WHERE m.contactId = :contact ORDER BY m.mergedAt DESC")
public class ContactMerge {

    @Id
    @SequenceGenerator(name = "contact_merges_seq", sequenceName = "contact_merges_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "contact_merges_seq")
    private Long id;

    @Column(name = "contact_id")
    private long contactId;

    @Column(name = "merged_contact_id")
    private long mergedContactId;

    @Column(name = "merged_name")
    private String mergedName;

    @Column(name = "merged_details")
    private String mergedDetails;

    @Column(name = "merged_by")
    private String mergedBy;

    @Column(name = "merged_at")
    private Instant mergedAt;

    protected ContactMerge() {
    }

    public ContactMerge(long contactId, long mergedContactId, String mergedName, String mergedDetails, String mergedBy) {
        this.contactId = contactId;
        this.mergedContactId = mergedContactId;
        this.mergedName = Checks.optionalText(mergedName, "Merged name", 200);
        this.mergedDetails = mergedDetails.length() > 2000 ? mergedDetails.substring(0, 2000) : mergedDetails;
        this.mergedBy = mergedBy;
        this.mergedAt = Instant.now();
    }

    public long getContactId() { return contactId; }
    public long getMergedContactId() { return mergedContactId; }
    public String getMergedName() { return mergedName; }
    public String getMergedDetails() { return mergedDetails; }
    public String getMergedBy() { return mergedBy; }
    public Instant getMergedAt() { return mergedAt; }
}
