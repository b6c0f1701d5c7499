package org.switchboard.identity.boundary;

import java.util.List;
import java.util.Map;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.switchboard.identity.security.LoginThrottle;

/**
 * {@code /api/v1/sign-in-throttles}: admins see which client addresses and names are being slowed
 * after failed sign-ins on this server, and clear them ({@code DELETE ?address=&username=}, either or both).
 */
@Path("v1/sign-in-throttles")
@RequestScoped
@RolesAllowed("admin")
@Produces(MediaType.APPLICATION_JSON)
public class SignInThrottleResource {

    @Inject
    LoginThrottle throttle;

    /** One entry: {@code username} null for an address slowed over all names. */
    public record ThrottleView(String address, String username, int failures, String lastFailure, long nextWaitSeconds) {
    }

    @GET
    public List<ThrottleView> list() {
        return throttle.held().stream().map(h -> new ThrottleView(h.address(), h.username(), h.failures(), h.lastFailure().toString(),
                (h.nextWait().toMillis() + 999) / 1000)).toList();
    }

    @DELETE
    public Map<String, Integer> clear(@QueryParam("address") String address, @QueryParam("username") String username) {
        return Map.of("cleared", throttle.clear(blankToNull(address), blankToNull(username)));
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
