package org.switchboard.platform.health;

import java.io.IOException;
import java.lang.annotation.Annotation;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Liveness;
import org.eclipse.microprofile.health.Readiness;
import org.switchboard.platform.json.Jsonp;

/**
 * Serves the application's MicroProfile health checks at /health, /health/ready and /health/live
 * in the MicroProfile Health JSON format. Needed because an application at the root context hides
 * Payara Micro's own /health; it also gives WildFly the same URL on the application port.
 */
@WebServlet(urlPatterns = {"/health", "/health/*"})
public class HealthEndpoint extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Inject
    @Any
    transient Instance<HealthCheck> checks;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String kind = request.getPathInfo() == null ? "/" : request.getPathInfo();
        List<HealthCheck> selected = switch (kind) {
            case "/", "" -> concat(select(Readiness.Literal.INSTANCE), select(Liveness.Literal.INSTANCE));
            case "/ready" -> select(Readiness.Literal.INSTANCE);
            case "/live" -> select(Liveness.Literal.INSTANCE);
            default -> null;
        };
        if (selected == null) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        boolean up = true;
        JsonArrayBuilder results = Jsonp.arrayBuilder();
        for (HealthCheck check : selected) {
            HealthCheckResponse result = call(check);
            up &= result.getStatus() == HealthCheckResponse.Status.UP;
            JsonObjectBuilder entry = Jsonp.objectBuilder().add("name", result.getName()).add("status", result.getStatus().name());
            result.getData().filter(data -> !data.isEmpty()).ifPresent(data -> entry.add("data", toJson(data)));
            results.add(entry);
        }
        response.setStatus(up ? HttpServletResponse.SC_OK : HttpServletResponse.SC_SERVICE_UNAVAILABLE);
        response.setContentType("application/json");
        response.setCharacterEncoding("UTF-8");
        response.setHeader("Cache-Control", "no-store");
        response.getWriter().write(Jsonp.objectBuilder().add("status", up ? "UP" : "DOWN").add("checks", results).build().toString());
    }

    private List<HealthCheck> select(Annotation qualifier) {
        List<HealthCheck> found = new ArrayList<>();
        checks.select(qualifier).forEach(found::add);
        return found;
    }

    private static List<HealthCheck> concat(List<HealthCheck> a, List<HealthCheck> b) {
        List<HealthCheck> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }

    private static HealthCheckResponse call(HealthCheck check) {
        try {
            return check.call();
        } catch (RuntimeException e) {
            return HealthCheckResponse.named(check.getClass().getSimpleName()).down().build();
        }
    }

    private static JsonObjectBuilder toJson(Map<String, Object> data) {
        JsonObjectBuilder json = Jsonp.objectBuilder();
        data.forEach((key, value) -> {
            if (value instanceof Boolean b) {
                json.add(key, b);
            } else if (value instanceof Long l) {
                json.add(key, l);
            } else {
                json.add(key, String.valueOf(value));
            }
        });
        return json;
    }
}
