package org.switchboard.identity.entity;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.switchboard.platform.persistence.Checks;

/**
 * A bearer token for the REST API. Only the SHA-256 of the token is stored; the token itself is
 * shown once, when it is created. It acts with the roles its user has at the time of each call.
 */
@Entity
@Table(name = "api_tokens")
@NamedQuery(name = "ApiToken.all", query = "SELECT t FROM ApiToken t JOIN FETCH t.user ORDER BY t.createdAt DESC")
public class ApiToken {

    @Id
    @SequenceGenerator(name = "api_tokens_seq", sequenceName = "api_tokens_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "api_tokens_seq")
    private Long id;

    private String name;

    @ManyToOne(optional = false)
    @JoinColumn(name = "user_id")
    private User user;

    @Column(name = "token_hash")
    private String tokenHash;

    /** The first characters of the token, so an admin can tell tokens apart. */
    @Column(name = "token_prefix")
    private String tokenPrefix;

    @Column(name = "created_at")
    private Instant createdAt;

    @Column(name = "last_used_at")
    private Instant lastUsedAt;

    @Column(name = "revoked_at")
    private Instant revokedAt;

    @Version
    private long version;

    protected ApiToken() {
    }

    public ApiToken(String name, User user, String tokenHash, String tokenPrefix) {
        this.name = Checks.requireText(name, "Token name", 100);
        this.user = Checks.require(user, "User");
        this.tokenHash = Checks.require(tokenHash, "Token hash");
        this.tokenPrefix = Checks.require(tokenPrefix, "Token prefix");
        this.createdAt = Instant.now();
    }

    public void revoke() {
        if (revokedAt == null) {
            revokedAt = Instant.now();
        }
    }

    public Long getId() {
        return id;
    }

    public String getName() {
        return name;
    }

    public User getUser() {
        return user;
    }

    public String getTokenPrefix() {
        return tokenPrefix;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getLastUsedAt() {
        return lastUsedAt;
    }

    public Instant getRevokedAt() {
        return revokedAt;
    }
}
