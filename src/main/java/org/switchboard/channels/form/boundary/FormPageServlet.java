package org.switchboard.channels.form.boundary;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.ResourceBundle;
import java.util.logging.Level;
import java.util.logging.Logger;

import jakarta.inject.Inject;
import jakarta.json.JsonObjectBuilder;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.MultipartConfig;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.Part;

import org.switchboard.channels.form.control.FormIntake;
import org.switchboard.channels.form.control.FormIntake.Outcome;
import org.switchboard.channels.form.control.FormPageHtml;
import org.switchboard.channels.form.control.FormProtection;
import org.switchboard.channels.form.control.FormService;
import org.switchboard.channels.form.control.FormService.LiveForm;
import org.switchboard.channels.form.control.FormValues.Upload;
import org.switchboard.platform.http.ClientAddresses;
import org.switchboard.platform.json.Jsonp;

/**
 * The hosted form, public: {@code GET /forms/{key}} renders it with a fresh signed token;
 * {@code POST} takes it (URL-encoded, or multipart with files) and answers with a page in the
 * visitor's language: 303 to the thank-you page, 400 with the form and its errors, 400/429 with
 * the reason it was refused, 404 for a form that does not take submissions. No JavaScript needed.
 * For the embed script ({@code /static/form-embed.js}): {@code GET /forms/{key}/fragment} is the form
 * alone, and a post that accepts {@code application/json} is answered in JSON; both allow any origin
 * (no cookies are involved: the signed token travels in the form) unless the form names the sites
 * that may embed it: then only those get CORS answers, and a post from another site is refused (403).
 */
@WebServlet("/forms/*")
@MultipartConfig(maxFileSize = 26_214_400, maxRequestSize = 62_914_560, fileSizeThreshold = 1_048_576)
public class FormPageServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = Logger.getLogger(FormPageServlet.class.getName());

    @Inject
    FormService forms;

    @Inject
    FormIntake intake;

    @Inject
    ClientAddresses clients;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Locale locale = language(request);
        String[] path = path(request);
        Optional<LiveForm> form = path.length == 0 ? Optional.empty() : forms.live(path[0]);
        boolean fragment = path.length == 2 && "fragment".equals(path[1]);
        if (form.isEmpty() || path.length > 2 || (path.length == 2 && !"thanks".equals(path[1]) && !fragment)) {
            notFound(request, response, locale);
            return;
        }
        if (fragment && !allowCrossOrigin(request, response, form.get().protection())) {
            ResourceBundle texts = FormPageHtml.texts(locale);
            send(response, 403, FormPageHtml.message(locale, texts.getString("refused.title"), texts.getString("refused.ORIGIN"), null, null,
                    request.getContextPath()));
            return;
        }
        if (path.length == 2 && !fragment) {
            ResourceBundle texts = FormPageHtml.texts(locale);
            send(response, 200, FormPageHtml.message(locale, texts.getString("thanks.title"), texts.getString("thanks.text"), null, null,
                    request.getContextPath()));
            return;
        }
        Map<String, List<String>> fromAddress = new LinkedHashMap<>();
        form.get().definition().fields().stream().filter(f -> f.urlParameter() != null && !f.urlParameter().isBlank())
                .forEach(f -> Optional.ofNullable(request.getParameter(f.urlParameter())).ifPresent(v -> fromAddress.put(f.name(), List.of(v))));
        String token = forms.tokens().issue(form.get().id(), java.time.Instant.now());
        response.setHeader("Cache-Control", "no-store"); // each rendering carries its own token
        send(response, 200, fragment ? FormPageHtml.fragment(form.get(), locale, token, fromAddress, Map.of())
                : FormPageHtml.form(form.get(), locale, token, fromAddress, Map.of(), request.getContextPath()));
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException, ServletException {
        request.setCharacterEncoding(StandardCharsets.UTF_8.name());
        Locale locale = language(request);
        String[] path = path(request);
        Optional<LiveForm> form = path.length == 1 ? forms.live(path[0]) : Optional.empty();
        boolean json = wantsJson(request);
        if (json) {
            allowCrossOrigin(request, response, form.map(LiveForm::protection).orElse(FormProtection.NONE));
        }
        if (form.isEmpty()) {
            if (json) {
                sendJson(response, 404, Jsonp.objectBuilder().add("status", "not_found").add("message", FormPageHtml.texts(locale).getString("notFound")));
            } else {
                notFound(request, response, locale);
            }
            return;
        }
        Map<String, List<String>> posted = new LinkedHashMap<>();
        request.getParameterMap().forEach((name, values) -> posted.put(name, Arrays.asList(values)));
        ResourceBundle texts = FormPageHtml.texts(locale);
        Outcome outcome;
        try {
            outcome = intake.submit(form.get(), posted, uploads(request), clients.of(request), foreignOrigin(request), locale);
        } catch (RuntimeException failed) {
            // the database or the journal failed: say so; posting the same page again is safe (the token's nonce is its identity)
            LOG.log(Level.WARNING, "Form " + form.get().key() + ": a submission could not be taken", failed);
            if (json) {
                sendJson(response, 503, Jsonp.objectBuilder().add("status", "unavailable").add("message", texts.getString("unavailable")));
            } else {
                send(response, 503, FormPageHtml.message(locale, texts.getString("refused.title"), texts.getString("unavailable"), null, null,
                        request.getContextPath()));
            }
            return;
        }
        String self = request.getContextPath() + "/forms/" + form.get().key() + ("fi".equals(locale.getLanguage()) ? "?lang=fi" : "");
        if (json) {
            answerJson(response, outcome, texts);
            return;
        }
        switch (outcome.status()) {
            case ACCEPTED -> {
                response.setStatus(HttpServletResponse.SC_SEE_OTHER);
                response.setHeader("Location", request.getContextPath() + "/forms/" + form.get().key() + "/thanks"
                        + ("fi".equals(locale.getLanguage()) ? "?lang=fi" : ""));
            }
            case INVALID -> send(response, 400, FormPageHtml.form(form.get(), locale, first(posted, FormIntake.TOKEN), posted, outcome.errors(),
                    request.getContextPath()));
            case REFUSED -> send(response, outcome.refusal().status(), FormPageHtml.message(locale, texts.getString("refused.title"),
                    texts.getString("refused." + outcome.refusal().name()), self, texts.getString("refused.reload"), request.getContextPath()));
        }
    }

    /** The embed script's answers: the same outcomes as the page's, as JSON, the texts in the visitor's language. */
    private static void answerJson(HttpServletResponse response, Outcome outcome, ResourceBundle texts) throws IOException {
        switch (outcome.status()) {
            case ACCEPTED -> sendJson(response, 201, Jsonp.objectBuilder().add("status", "accepted").add("message", texts.getString("thanks.text")));
            case INVALID -> {
                JsonObjectBuilder errors = Jsonp.objectBuilder();
                outcome.errors().forEach((field, key) -> errors.add(field, texts.getString(key)));
                sendJson(response, 400, Jsonp.objectBuilder().add("status", "invalid").add("message", texts.getString("errors.title")).add("errors", errors));
            }
            case REFUSED -> sendJson(response, outcome.refusal().status(), Jsonp.objectBuilder().add("status", "refused")
                    .add("reason", outcome.refusal().name()).add("message", texts.getString("refused." + outcome.refusal().name())));
        }
    }

    /**
     * CORS for the embed script: any site when the form names none (no cookies are involved), else
     * only the named ones, each answered with its own origin. False when the page's site may not embed the form.
     */
    private static boolean allowCrossOrigin(HttpServletRequest request, HttpServletResponse response, FormProtection protection) {
        if (!protection.restrictsOrigins()) {
            response.setHeader("Access-Control-Allow-Origin", "*");
            return true;
        }
        response.setHeader("Vary", "Origin");
        String origin = foreignOrigin(request);
        if (origin == null) {
            return true; // this server's own page
        }
        if (!protection.allows(origin)) {
            return false;
        }
        response.setHeader("Access-Control-Allow-Origin", origin);
        return true;
    }

    /** The {@code Origin} of a page on another site than this server's; null for this server's own pages or no header. */
    static String foreignOrigin(HttpServletRequest request) {
        String origin = request.getHeader("Origin");
        String host = request.getHeader("Host");
        if (origin == null || origin.isBlank()) {
            return null;
        }
        int scheme = origin.indexOf("://");
        String originHost = scheme < 0 ? origin : origin.substring(scheme + 3);
        return host != null && originHost.equalsIgnoreCase(host) ? null : origin;
    }

    private static boolean wantsJson(HttpServletRequest request) {
        String accept = request.getHeader("Accept");
        return accept != null && accept.toLowerCase(Locale.ROOT).startsWith("application/json");
    }

    private static void sendJson(HttpServletResponse response, int status, JsonObjectBuilder body) throws IOException {
        response.setStatus(status);
        response.setContentType("application/json;charset=UTF-8");
        response.getWriter().write(body.build().toString());
    }

    private static List<Upload> uploads(HttpServletRequest request) throws IOException, ServletException {
        String type = request.getContentType();
        if (type == null || !type.toLowerCase(Locale.ROOT).startsWith("multipart/form-data")) {
            return List.of();
        }
        List<Upload> uploads = new ArrayList<>();
        for (Part part : request.getParts()) {
            if (part.getSubmittedFileName() != null) {
                try (InputStream in = part.getInputStream()) {
                    uploads.add(new Upload(part.getName(), part.getSubmittedFileName(), in.readAllBytes()));
                }
            }
        }
        return uploads;
    }

    private static void notFound(HttpServletRequest request, HttpServletResponse response, Locale locale) throws IOException {
        ResourceBundle texts = FormPageHtml.texts(locale);
        send(response, 404, FormPageHtml.message(locale, texts.getString("refused.title"), texts.getString("notFound"), null, null,
                request.getContextPath()));
    }

    private static void send(HttpServletResponse response, int status, String html) throws IOException {
        response.setStatus(status);
        response.setContentType("text/html;charset=UTF-8");
        response.getWriter().write(html);
    }

    /** {@code ?lang=fi|en}, else the browser's preference between Finnish and English. */
    private static Locale language(HttpServletRequest request) {
        String lang = request.getParameter("lang");
        if ("fi".equals(lang) || "en".equals(lang)) {
            return Locale.forLanguageTag(lang);
        }
        for (Locale preferred : java.util.Collections.list(request.getLocales())) {
            if ("fi".equals(preferred.getLanguage()) || "en".equals(preferred.getLanguage())) {
                return Locale.forLanguageTag(preferred.getLanguage());
            }
        }
        return Locale.ENGLISH;
    }

    private static String[] path(HttpServletRequest request) {
        String info = request.getPathInfo();
        return info == null || info.length() <= 1 ? new String[0] : info.substring(1).split("/", -1);
    }

    private static String first(Map<String, List<String>> posted, String name) {
        List<String> values = posted.get(name);
        return values == null || values.isEmpty() ? "" : values.get(0);
    }
}
