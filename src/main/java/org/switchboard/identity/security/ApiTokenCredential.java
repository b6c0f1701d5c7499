package org.switchboard.identity.security;

import jakarta.security.enterprise.credential.Credential;

/** A bearer token from an {@code Authorization: Bearer …} header. */
public record ApiTokenCredential(String token) implements Credential {

    @Override
    public String toString() {
        return "ApiTokenCredential[***]";
    }
}
