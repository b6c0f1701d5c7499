package org.switchboard.testing;

import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpResponse;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;

/** The REST API as a script uses it: an admin bearer token minted with the admin's password. */
public final class ApiClient {

    private final HttpSession http;
    private final String bearer;

    public ApiClient(URI base, String adminPassword) {
        this(base, "admin", adminPassword);
    }

    /** A client acting as the given user. */
    public ApiClient(URI base, String username, String password) {
        this.http = new HttpSession(base);
        HttpResponse<String> minted = http.postJson("/api/v1/api-tokens", "{\"name\":\"tests\"}", "Authorization", HttpSession.basic(username, password));
        if (minted.statusCode() != 201) {
            throw new IllegalStateException("cannot mint a token: " + minted.statusCode() + " " + minted.body());
        }
        this.bearer = "Bearer " + object(minted).getString("token");
    }

    public static JsonObject object(HttpResponse<String> response) {
        return Json.createReader(new StringReader(response.body())).readObject();
    }

    public static JsonArray array(HttpResponse<String> response) {
        return Json.createReader(new StringReader(response.body())).readArray();
    }

    public HttpResponse<String> get(String path) {
        return http.get(path, "Authorization", bearer);
    }

    public HttpResponse<String> post(String path, String json) {
        return http.postJson(path, json, "Authorization", bearer);
    }

    public HttpResponse<String> send(String method, String path, String json) {
        return http.send(method, path, json, "Authorization", bearer);
    }

    /** POST that must answer 201/200/202; returns the JSON object. */
    public JsonObject create(String path, String json) {
        HttpResponse<String> response = post(path, json);
        if (response.statusCode() / 100 != 2) {
            throw new IllegalStateException("POST " + path + " → " + response.statusCode() + " " + response.body());
        }
        return object(response);
    }

    /** The Authorization header value. */
    public String bearer() {
        return bearer;
    }

    public HttpSession http() {
        return http;
    }
}
