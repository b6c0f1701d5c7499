package org.switchboard.identity.control;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;

import org.switchboard.identity.entity.ApiToken;
import org.switchboard.identity.entity.Role;
import org.switchboard.identity.entity.User;
import org.switchboard.platform.cache.RecentLookups;

/** Issues, lists, revokes and checks REST API bearer tokens. */
@ApplicationScoped
@Transactional
public class ApiTokenService {

    static final String TOKEN_PREFIX = "sbt_";
    /** Last-used times are coarse so that a busy integration does not write on every call. */
    private static final Duration LAST_USED_PRECISION = Duration.ofMinutes(1);
    private static final SecureRandom RANDOM = new SecureRandom();
    /**
     * How long this instance trusts a token check without asking the database again: a token
     * revoked or a user deactivated here stops working at once, on another instance within this.
     */
    static final Duration CHECK_LIFETIME = Duration.ofSeconds(2);

    @PersistenceContext
    EntityManager em;

    @jakarta.inject.Inject
    TokenUsage usage;

    @Resource
    TransactionSynchronizationRegistry transaction;

    /** A valid token as checked: whose it is, and when its use was last written down. */
    private record CheckedToken(long id, Caller caller, Instant lastUsed) {
        CheckedToken usedAt(Instant at) {
            return new CheckedToken(id, caller, at);
        }
    }

    /** By token hash; see {@link #CHECK_LIFETIME}. */
    private final RecentLookups<String, CheckedToken> checked = new RecentLookups<>(CHECK_LIFETIME, 10_000);

    /** The token text is in the result only; it cannot be recovered later. */
    public IssuedToken issue(String name, String username) {
        User owner = em.createNamedQuery("User.byUsername", User.class).setParameter("username", username)
                .getResultStream().findFirst()
                .orElseThrow(() -> new IllegalArgumentException("No user " + username));
        byte[] random = new byte[32];
        RANDOM.nextBytes(random);
        String token = TOKEN_PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        ApiToken stored = new ApiToken(name, owner, sha256(token), token.substring(0, TOKEN_PREFIX.length() + 8));
        em.persist(stored);
        em.flush();
        return new IssuedToken(ApiTokenView.of(stored), token);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<ApiTokenView> list() {
        return em.createNamedQuery("ApiToken.all", ApiToken.class).getResultStream().map(ApiTokenView::of).toList();
    }

    /** Revokes at once; false when there is no such token. */
    public boolean revoke(long id) {
        ApiToken token = em.find(ApiToken.class, id);
        if (token == null) {
            return false;
        }
        token.revoke();
        checked.clearWhenDone(transaction);
        return true;
    }

    /**
     * The users behind tokens changed (roles, deactivation): token checks made before
     * are forgotten, now and when the transaction ends.
     */
    public void callersChanged() {
        checked.clearWhenDone(transaction);
    }

    /** On every API call: at most one query (see {@link #CHECK_LIFETIME}); a write only once a minute per token, to keep "last used". */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<Caller> authenticate(String token) {
        if (token == null || !token.startsWith(TOKEN_PREFIX) || token.length() > 100) {
            return Optional.empty();
        }
        String hash = sha256(token);
        Optional<CheckedToken> found = checked.get(hash, this::check);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        Instant now = Instant.now();
        Instant lastUsed = found.get().lastUsed();
        if (lastUsed == null || lastUsed.isBefore(now.minus(LAST_USED_PRECISION))) {
            usage.record(found.get().id(), now, now.minus(LAST_USED_PRECISION));
            checked.update(hash, t -> t.usedAt(now));
        }
        return Optional.of(found.get().caller());
    }

    private Optional<CheckedToken> check(String hash) {
        // One query, one row per role of the token's user: token, user and roles without an entity graph.
        List<Object[]> rows = em.createQuery("SELECT t.id, t.lastUsedAt, u.username, r FROM ApiToken t JOIN t.user u JOIN u.roles r "
                        + "WHERE t.tokenHash = :hash AND t.revokedAt IS NULL AND u.active = TRUE", Object[].class)
                .setParameter("hash", hash).getResultList();
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        Object[] first = rows.get(0);
        Set<String> groups = rows.stream().map(r -> ((Role) r[3]).groupName()).collect(Collectors.toUnmodifiableSet());
        return Optional.of(new CheckedToken((Long) first[0], new Caller((String) first[2], groups), (Instant) first[1]));
    }

    static String sha256(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A token as listed: never its secret. */
    public record ApiTokenView(long id, String name, String username, String prefix, Instant createdAt,
                               Instant lastUsedAt, Instant revokedAt) {
        static ApiTokenView of(ApiToken t) {
            return new ApiTokenView(t.getId(), t.getName(), t.getUser().getUsername(), t.getTokenPrefix(),
                    t.getCreatedAt(), t.getLastUsedAt(), t.getRevokedAt());
        }

        public boolean revoked() {
            return revokedAt != null;
        }
    }

    /** A new token with its secret, shown once. */
    public record IssuedToken(ApiTokenView details, String token) {
        @Override
        public String toString() {
            return "IssuedToken[" + details + ", token=***]";
        }
    }
}
