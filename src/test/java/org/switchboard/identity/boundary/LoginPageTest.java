package org.switchboard.identity.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class LoginPageTest {

    @Test
    void returnsOnlyToPathsInsideTheApplication() {
        assertEquals("/settings/api-tokens.xhtml?x=1", LoginPage.safeReturnAddress("/settings/api-tokens.xhtml?x=1"));
        assertEquals("/", LoginPage.safeReturnAddress("//evil.example.com/"));
        assertEquals("/", LoginPage.safeReturnAddress("https://evil.example.com/"));
        assertEquals("/", LoginPage.safeReturnAddress("/\\evil.example.com"));
        assertEquals("/", LoginPage.safeReturnAddress("/login.xhtml"));
        assertEquals("/", LoginPage.safeReturnAddress(null));
    }
}
