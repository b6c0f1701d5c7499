package org.switchboard.identity.security;

import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.credential.Credential;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStore;

import org.switchboard.identity.control.Accounts;
import org.switchboard.identity.control.ApiTokenService;
import org.switchboard.identity.control.Caller;

/** Checks user names with passwords, and API tokens, against the database. */
@ApplicationScoped
public class DatabaseIdentityStore implements IdentityStore {

    @Inject
    Accounts accounts;

    @Inject
    ApiTokenService apiTokens;

    @Override
    public CredentialValidationResult validate(Credential credential) {
        Optional<Caller> caller;
        if (credential instanceof UsernamePasswordCredential password) {
            caller = accounts.checkPassword(password.getCaller(), password.getPassword().getValue());
        } else if (credential instanceof ApiTokenCredential token) {
            caller = apiTokens.authenticate(token.token());
        } else {
            return CredentialValidationResult.NOT_VALIDATED_RESULT;
        }
        return caller.map(c -> new CredentialValidationResult(c.username(), c.groups()))
                .orElse(CredentialValidationResult.INVALID_RESULT);
    }
}
