package com.orderhub.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.orderhub.api.ApiJson;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/** The Order API of a {@link HubProcess}, called with one key the way a REST client would. */
public record HubApi(String base, String key) {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    public HttpResponse<String> post(String path, String json) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(URI.create(base + path)).header("Authorization", "Bearer " + key)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** A path under the base, or a status URL's path as the hub answers it ({@code /api/...}). */
    public JsonNode getJson(String pathOrUrl) throws IOException, InterruptedException {
        String url = pathOrUrl.startsWith("/api/") ? base.substring(0, base.indexOf("/api/")) + pathOrUrl : base + pathOrUrl;
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(url))
                .header("Authorization", "Bearer " + key).GET().build(), HttpResponse.BodyHandlers.ofString());
        return ApiJson.MAPPER.readTree(response.body());
    }
}
