package org.switchboard.channels.form.entity;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.switchboard.platform.persistence.Checks;

/** A form: its public key, name and definition (JSON of its fields); connected when it has a channel. */
@Entity
@Table(name = "forms")
@NamedQuery(name = "Form.byKey", query = "SELECT f FROM Form f WHERE f.formKey = :key")
@NamedQuery(name = "Form.all", query = "SELECT f FROM Form f ORDER BY f.name, f.id")
public class Form {

    @Id
    @SequenceGenerator(name = "forms_seq", sequenceName = "forms_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "forms_seq")
    private Long id;

    @Column(name = "form_key")
    private String formKey;

    private String name;

    private String definition;

    /** The FORM channel it feeds; null while it is not connected to the help desk. */
    @Column(name = "channel_id")
    private Long channelId;

    @Column(name = "created_at")
    private Instant createdAt;

    /** This form's own limits (null: the installation's) and the sites that may embed it (newline-separated; null: any). */
    @Column(name = "limit_address_hour")
    private Integer limitAddressHour;

    @Column(name = "limit_address_day")
    private Integer limitAddressDay;

    @Column(name = "limit_form_day")
    private Integer limitFormDay;

    @Column(name = "allowed_origins")
    private String allowedOrigins;

    @Version
    private long version;

    protected Form() {
    }

    public Form(String formKey, String name, String definition) {
        this.formKey = Checks.require(formKey, "Form key");
        this.name = Checks.require(name, "Name");
        this.definition = Checks.require(definition, "Definition");
        this.createdAt = Instant.now();
    }

    public void redefine(String name, String definition) {
        this.name = Checks.require(name, "Name");
        this.definition = Checks.require(definition, "Definition");
    }

    public void protect(Integer addressHour, Integer addressDay, Integer formDay, java.util.List<String> origins) {
        this.limitAddressHour = addressHour;
        this.limitAddressDay = addressDay;
        this.limitFormDay = formDay;
        this.allowedOrigins = origins == null || origins.isEmpty() ? null : String.join("\n", origins);
    }

    public Integer getLimitAddressHour() {
        return limitAddressHour;
    }

    public Integer getLimitAddressDay() {
        return limitAddressDay;
    }

    public Integer getLimitFormDay() {
        return limitFormDay;
    }

    public java.util.List<String> getAllowedOrigins() {
        return allowedOrigins == null || allowedOrigins.isBlank() ? java.util.List.of() : java.util.List.of(allowedOrigins.split("\n"));
    }

    public void connectTo(long channel) {
        if (channelId != null) {
            throw new IllegalStateException("The form is already connected to channel " + channelId);
        }
        this.channelId = channel;
    }

    /** Removes the form from the help desk: its hidden ticket fields (the channel's ticket defaults) no longer apply to it. */
    public Long disconnect() {
        Long was = channelId;
        channelId = null;
        return was;
    }

    public Long getId() {
        return id;
    }

    public String getFormKey() {
        return formKey;
    }

    public String getName() {
        return name;
    }

    public String getDefinition() {
        return definition;
    }

    public Long getChannelId() {
        return channelId;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public long getVersion() {
        return version;
    }
}
