package org.switchboard.platform.http;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Set;

import org.junit.jupiter.api.Test;

class ClientAddressesTest {

    private static final Set<String> BALANCER = Set.of("10.0.0.5");

    @Test
    void behindATrustedBalancerTheClientIsTheNearestUntrustedHop() {
        assertEquals("203.0.113.7", ClientAddresses.resolve("10.0.0.5", "203.0.113.7", BALANCER));
        assertEquals("203.0.113.7", ClientAddresses.resolve("10.0.0.5", "198.51.100.1, 203.0.113.7", BALANCER),
                "the left entries are whatever the client claimed");
        assertEquals("2001:db8::1", ClientAddresses.resolve("10.0.0.5", "2001:db8::1, 10.0.0.5", BALANCER));
    }

    @Test
    void aClientCannotChooseItsAddress() {
        assertEquals("198.51.100.9", ClientAddresses.resolve("198.51.100.9", "203.0.113.7", BALANCER), "not from a trusted proxy: header ignored");
        assertEquals("10.0.0.5", ClientAddresses.resolve("10.0.0.5", "<script>", BALANCER));
        assertEquals("10.0.0.5", ClientAddresses.resolve("10.0.0.5", null, BALANCER));
        assertEquals("127.0.0.1", ClientAddresses.resolve("127.0.0.1", "203.0.113.7", Set.of()), "nothing trusted by default");
    }
}
