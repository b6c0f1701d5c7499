package org.switchboard.contacts.entity;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Transient;
import jakarta.persistence.Version;

import org.switchboard.identity.entity.User;
import org.switchboard.platform.persistence.Checks;

/** Someone who contacts the help desk. Email addresses, phones and identities are unique across contacts. */
@Entity
@Table(name = "contacts")
@NamedQuery(name = "Contact.byEmail", query = "SELECT c FROM Contact c JOIN c.emails e WHERE e = :email")
@NamedQuery(name = "Contact.byPhone", query = "SELECT c FROM Contact c JOIN c.phones p WHERE p = :phone")
@NamedQuery(name = "Contact.byIdentity", query = "SELECT c FROM Contact c JOIN c.identities i WHERE i.kind = :kind AND i.externalId = :externalId")
public class Contact {

    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+");
    private static final Pattern PHONE = Pattern.compile("\\+?[0-9]{3,20}");

    @Id
    @SequenceGenerator(name = "contacts_seq", sequenceName = "contacts_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "contacts_seq")
    private Long id;

    @Column(name = "full_name")
    private String fullName;

    @ElementCollection
    @CollectionTable(name = "contact_emails", joinColumns = @JoinColumn(name = "contact_id"))
    @Column(name = "email")
    private Set<String> emails = new LinkedHashSet<>();

    @ElementCollection
    @CollectionTable(name = "contact_phones", joinColumns = @JoinColumn(name = "contact_id"))
    @Column(name = "phone")
    private Set<String> phones = new LinkedHashSet<>();

    @ElementCollection
    @CollectionTable(name = "contact_identities", joinColumns = @JoinColumn(name = "contact_id"))
    private Set<ExternalIdentity> identities = new LinkedHashSet<>();

    @ManyToOne
    @JoinColumn(name = "owner_id")
    private User owner;

    @Column(name = "created_at")
    private Instant createdAt;

    @Version
    private long version;

    /** Made by this code rather than read from the database: nothing in the database refers to it yet. */
    @Transient
    private boolean created;

    protected Contact() {
    }

    public Contact(String fullName) {
        rename(fullName);
        this.createdAt = Instant.now();
        this.created = true;
    }

    /**
     * Tickets the running transaction opened for this contact; they are not in the database yet
     * when a batch counts them for the flood limit. An instance lives in one persistence context,
     * which is one transaction's.
     */
    @Transient
    private int ticketsOpenedNow;

    /** Whether the running transaction locked this contact's row to count its tickets. */
    @Transient
    private boolean lockedForCounting;

    /** Whether this instance was created in the running transaction (so it has, e.g., no tickets yet). */
    public boolean isNew() {
        return created;
    }

    public void countTicketOpened() {
        ticketsOpenedNow++;
    }

    public int ticketsOpenedNow() {
        return ticketsOpenedNow;
    }

    /** True the first time it is asked in a transaction: the caller then locks the row. */
    public boolean needsLockForCounting() {
        if (created || lockedForCounting) {
            return false;
        }
        lockedForCounting = true;
        return true;
    }

    /** Normalized form used for storage and matching: trimmed and lower case. */
    public static String normalizeEmail(String email) {
        String value = Checks.requireText(email, "Email", 320).toLowerCase(Locale.ROOT);
        if (!EMAIL.matcher(value).matches()) {
            throw new IllegalArgumentException("Email '" + email + "' is not an email address");
        }
        return value;
    }

    /** Digits with an optional leading +, spaces, dashes, dots and brackets removed. */
    public static String normalizePhone(String phone) {
        String value = Checks.requireText(phone, "Phone", 40).replaceAll("[\\s().-]", "");
        if (!PHONE.matcher(value).matches()) {
            throw new IllegalArgumentException("Phone '" + phone + "' is not a phone number");
        }
        return value;
    }

    public void rename(String newName) {
        this.fullName = Checks.optionalText(newName, "Name", 200);
    }

    public void addEmail(String email) {
        emails.add(normalizeEmail(email));
    }

    public void addPhone(String phone) {
        phones.add(normalizePhone(phone));
    }

    public void addIdentity(ExternalIdentity identity) {
        identities.add(Checks.require(identity, "Identity"));
    }

    public void assignOwner(User newOwner) {
        this.owner = newOwner;
    }

    /** What the workspace shows: the name, else the first email, phone or identity. */
    public String displayName() {
        if (fullName != null) {
            return fullName;
        }
        if (!emails.isEmpty()) {
            return emails.iterator().next();
        }
        if (!phones.isEmpty()) {
            return phones.iterator().next();
        }
        return identities.isEmpty() ? "Unknown contact" : identities.iterator().next().toString();
    }

    public Long getId() {
        return id;
    }

    public String getFullName() {
        return fullName;
    }

    public Set<String> getEmails() {
        return Collections.unmodifiableSet(emails);
    }

    public Set<String> getPhones() {
        return Collections.unmodifiableSet(phones);
    }

    public Set<ExternalIdentity> getIdentities() {
        return Collections.unmodifiableSet(identities);
    }

    public User getOwner() {
        return owner;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }
}
