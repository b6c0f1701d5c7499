package org.switchboard.identity.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/** Makes the plain security helpers injectable (they stay plain so unit tests need no container). */
@ApplicationScoped
public class SecurityBeans {

    @Produces
    @Singleton
    PasswordHasher passwordHasher() {
        return new PasswordHasher();
    }

    @Produces
    @Singleton
    LoginThrottle loginThrottle() {
        return new LoginThrottle();
    }
}
