package org.switchboard.channels.form.entity;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

/**
 * An accepted submission: every value, hidden fields included (they stay here and off the help
 * desk view), and the keyed client address the rate limits count. The raw submission is the inbound item.
 */
@Entity
@Table(name = "form_submissions")
public class FormSubmission {

    @Id
    @SequenceGenerator(name = "form_submissions_seq", sequenceName = "form_submissions_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "form_submissions_seq")
    private Long id;

    @Column(name = "form_id")
    private long formId;

    private String nonce;

    @Column(name = "client_key")
    private String clientKey;

    @Column(name = "contact_email")
    private String contactEmail;

    @Column(name = "field_values")
    private String fieldValues;

    @Column(name = "inbound_item_id")
    private Long inboundItemId;

    @Column(name = "submitted_at")
    private Instant submittedAt;

    protected FormSubmission() {
    }

    public FormSubmission(long formId, String nonce, String clientKey, String contactEmail, String fieldValues, Long inboundItemId, Instant submittedAt) {
        this.formId = formId;
        this.nonce = nonce;
        this.clientKey = clientKey;
        this.contactEmail = contactEmail;
        this.fieldValues = fieldValues;
        this.inboundItemId = inboundItemId;
        this.submittedAt = submittedAt;
    }

    public void journaledAs(long itemId) {
        this.inboundItemId = itemId;
    }

    public String getClientKey() {
        return clientKey;
    }

    public Long getId() {
        return id;
    }

    public long getFormId() {
        return formId;
    }

    public String getNonce() {
        return nonce;
    }

    public String getContactEmail() {
        return contactEmail;
    }

    public String getFieldValues() {
        return fieldValues;
    }

    public Long getInboundItemId() {
        return inboundItemId;
    }

    public Instant getSubmittedAt() {
        return submittedAt;
    }
}
