package org.switchboard.platform.http;

import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;

import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The address of the client a request comes from, for limits keyed by it (form submissions,
 * sign-in throttling). Behind a balancer every request comes from the balancer, so the addresses
 * in {@code switchboard.http.trusted-proxies} (exact, comma-separated; none by default) are looked
 * through: the client is the nearest address in {@code X-Forwarded-For} that is not a trusted
 * proxy. From any other peer the header is ignored, so a client cannot choose its own address.
 */
@ApplicationScoped
public class ClientAddresses {

    private static final Pattern ADDRESS = Pattern.compile("[0-9A-Fa-f:.]{2,45}");

    @Inject
    @ConfigProperty(name = "switchboard.http.trusted-proxies", defaultValue = " ")
    String trustedProxies;

    public String of(HttpServletRequest request) {
        return resolve(request.getRemoteAddr(), request.getHeader("X-Forwarded-For"), trusted());
    }

    private Set<String> trusted() {
        return Arrays.stream(trustedProxies.split(",")).map(String::strip).filter(s -> !s.isEmpty()).collect(Collectors.toSet());
    }

    static String resolve(String peer, String forwardedFor, Set<String> trusted) {
        if (!trusted.contains(peer) || forwardedFor == null || forwardedFor.isBlank()) {
            return peer;
        }
        List<String> hops = Arrays.stream(forwardedFor.split(",")).map(String::strip).toList();
        for (int i = hops.size() - 1; i >= 0; i--) {
            String hop = hops.get(i);
            if (!ADDRESS.matcher(hop).matches()) {
                return peer; // a hop that is not an address: believe only the peer
            }
            if (!trusted.contains(hop)) {
                return hop;
            }
        }
        return peer;
    }
}
