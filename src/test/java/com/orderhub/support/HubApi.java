package com.orderhub.support;

import com.fasterxml.jackson.databind.JsonNode;
import static org.assertj.core.api.Assertions.assertThat;

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
        return ApiJson.MAPPER.readTree(get(pathOrUrl).body());
    }

    public HttpResponse<String> get(String pathOrUrl) throws IOException, InterruptedException {
        String url = pathOrUrl.startsWith("/api/") ? base.substring(0, base.indexOf("/api/")) + pathOrUrl : base + pathOrUrl;
        return HTTP.send(HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + key).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** The companies, partners, products, season and discount type every Fixtures order refers to. */
    public void createReferenceData() throws Exception {
        for (String[] call : new String[][] {
            {"/Company/create", "[{\"idRemote\": \"CO-1\", \"companyName\": \"Moda Norte S.L.\"}]"},
            {"/BusinessPartner/create", """
                [{"idRemote": "CL-1", "companyId": "CO-1", "contactName": "Boutique Alba", "roles": ["Client"],
                  "locations": [{"idRemote": "SHIP-1", "address": "Calle Mayor 1", "shippingAddress": true},
                                {"idRemote": "BILL-1", "address": "Gran Via 2", "billingAddress": true}]},
                 {"idRemote": "AG-1", "companyId": "CO-1", "contactName": "Iker", "roles": ["Representant"]}]"""},
            {"/Product/create", "[{\"idRemote\": \"PR-1\", \"reference\": \"A\"}, {\"idRemote\": \"PR-2\", \"reference\": \"B\"}]"},
            {"/Season/create", "[{\"idRemote\": \"SS26\", \"description\": \"Spring-Summer 2026\"}]"},
            {"/DiscountType/create", "[{\"idRemote\": \"DT-1\", \"name\": \"Early payment\"}]"}}) {
            HttpResponse<String> response = post(call[0], call[1]);
            assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        }
    }
}
