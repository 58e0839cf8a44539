package com.orderhub.api;

import static com.orderhub.support.Fixtures.orderJson;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.orderhub.support.ApiTestSupport;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The API's conventions (README, Endpoints; the API reference) over HTTP: keys, tenants, the error model, formats, paging limits, the OpenAPI document. */
class ApiConventionsTest extends ApiTestSupport {

    private static final String COMPANY = "[{\"idRemote\": \"CO-9\", \"companyName\": \"Textiles Sur\"}]";

    @Test
    void noKeyIsUnauthorized() {
        Response response = send("GET", BASE + "/Order/getOrder", Map.of(), null);

        assertThat(response.status()).isEqualTo(401);
        assertThat(response.contentType()).isEqualTo("application/problem+json;charset=UTF-8");
        assertThat(response.header("WWW-Authenticate")).isEqualTo("Bearer");
        JsonNode problem = response.json();
        assertThat(problem.path("type").asText()).isEqualTo("about:blank");
        assertThat(problem.path("title").asText()).isEqualTo("Unauthorized");
        assertThat(problem.path("status").asInt()).isEqualTo(401);
        assertThat(problem.path("code").asInt()).isEqualTo(401);
        assertThat(problem.path("error").asText()).isEqualTo("Unauthorized.");
        assertThat(problem.path("detail").asText()).isEqualTo("Unauthorized.");
        assertThat(problem.path("instance").asText()).isEqualTo(BASE + "/Order/getOrder");
    }

    @Test
    void unknownKeyIsUnauthorized() {
        Response response = get("/Order/getOrder", "no-such-key");

        assertThat(response.status()).isEqualTo(401);
        assertThat(response.error()).isEqualTo("Unauthorized.");
    }

    @Test
    void unknownPathWithoutKeyIsUnauthorizedNotNotFound() {
        assertThat(send("GET", BASE + "/Nothing/here", Map.of(), null).status()).isEqualTo(401);
    }

    @Test
    void xApiKeyHeaderAndHashedKeysAuthenticateToo() {
        assertThat(send("GET", BASE + "/Order/getOrder", Map.of("X-API-Key", DEMO), null).status()).isEqualTo(200);
        assertThat(get("/Order/getOrder", "hashed-secret").status()).isEqualTo(200);
    }

    @Test
    void readKeyCannotWrite() {
        Response response = post("/Company/create", COMPANY, READ_ONLY);

        assertThat(response.status()).isEqualTo(403);
        assertThat(response.error()).isEqualTo("This API key may only read; writing needs the write scope.");
        assertThat(get("/Company/getCompany", READ_ONLY).status()).isEqualTo(200);
    }

    @Test
    void defaultTenantIsAReadOnlySandbox() {
        Response response = post("/Company/create", COMPANY, DEFAULT_TENANT);

        assertThat(response.status()).isEqualTo(403);
        assertThat(response.error()).isEqualTo("Invalid connection name, you cannot insert in default");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM company", Integer.class)).isZero();
        assertThat(get("/Order/getOrder/Status", DEFAULT_TENANT).json().path("data")).hasSize(4);
    }

    @Test
    void theKeyIsNeverEchoedBackInResponseHeaders() {
        Response response = send("GET", BASE + "/Order/getOrder?page=1",
                Map.of("Authorization", "Bearer " + DEMO, "X-API-Key", DEMO), null);

        assertThat(response.status()).isEqualTo(200);
        response.raw().headers().map().forEach((name, values) -> {
            assertThat(values).noneMatch(v -> v.contains(DEMO));
            assertThat(name).isNotEqualToIgnoringCase("page");
        });
    }

    @Test
    void unknownEndpointIsAProblemDocument() {
        Response response = get("/Order/nothing");

        assertThat(response.status()).isEqualTo(404);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.error()).isEqualTo("No endpoint " + BASE + "/Order/nothing; see " + BASE + "/openapi.json");
    }

    @Test
    void problemsComeInXmlWhenXmlIsAsked() {
        Response response = send("GET", BASE + "/Order/get/NOPE", Map.of("Authorization", "Bearer " + DEMO,
                "Accept", "text/xml"), null);

        assertThat(response.status()).isEqualTo(404);
        assertThat(response.contentType()).isEqualTo("application/problem+xml;charset=UTF-8");
        assertThat(response.body()).isEqualTo("<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
                + "<problem xmlns=\"urn:ietf:rfc:7807\"><type>about:blank</type><title>Not Found</title>"
                + "<status>404</status><detail>No entity found for Order with NOPE.</detail>"
                + "<instance>" + BASE + "/Order/get/NOPE</instance><code>404</code>"
                + "<error>No entity found for Order with NOPE.</error></problem>");
    }

    @Test
    void acceptPreferringJsonOverXmlGetsJson() {
        Response response = send("GET", BASE + "/Order/getOrder", Map.of("Authorization", "Bearer " + DEMO,
                "Accept", "application/xml;q=0.5, application/json"), null);

        assertThat(response.contentType()).isEqualTo("application/json;charset=UTF-8");
    }

    @Test
    void unknownFormatIsABadRequest() {
        Response response = get("/Order/getOrder?format=yaml");

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.error()).isEqualTo("Parameter format must be json or xml");
    }

    @Test
    void badPagingIsABadRequestNamingEveryBadParameter() {
        Response zero = get("/Order/getOrder?page=0");
        assertThat(zero.status()).isEqualTo(400);
        assertThat(zero.error()).isEqualTo("Parameter page must be an integer of at least 1");

        Response both = get("/Company/getCompany?page=x&pageSize=1001");
        assertThat(both.status()).isEqualTo(400);
        assertThat(both.json().path("errors").path("page").get(0).asText())
                .isEqualTo("Parameter page must be an integer of at least 1");
        assertThat(both.json().path("errors").path("pageSize").get(0).asText())
                .isEqualTo("Parameter pageSize must be an integer from 1 to 1000");

        assertThat(get("/Order/updatedFrom?pageSize=0").error())
                .isEqualTo("Parameter pageSize must be an integer from 1 to 1000");
        assertThat(get("/Order/getOrder?pageSize=1000").status()).isEqualTo(200);
    }

    /** Every kind of body a client may send by mistake, curl's -d default (form-encoded) first. */
    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(strings = {"application/x-www-form-urlencoded", "text/plain",
        "multipart/form-data; boundary=x", "application/xml", "text/csv", "application/octet-stream"})
    void aBodyThatIsNotJsonIsUnsupportedMediaTypeWhateverItsKind(String contentType) {
        for (String path : new String[] {"/Company/create", "/Order/create"}) {
            Response response = send("POST", BASE + path, Map.of("Authorization", "Bearer " + DEMO,
                    "Content-Type", contentType), path.equals("/Order/create") ? "[" + orderJson("F-1") + "]" : COMPANY);

            assertThat(response.status()).as(path).isEqualTo(415);
            assertThat(response.contentType()).startsWith("application/problem+json");
            assertThat(response.error()).isEqualTo("Content-Type must be application/json, not " + contentType);
        }
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM message", Integer.class)).isZero();
    }

    @Test
    void aBodyWithoutContentTypeIsUnsupportedMediaType() {
        Response response = send("POST", BASE + "/Company/create", Map.of("Authorization", "Bearer " + DEMO), COMPANY);

        assertThat(response.status()).isEqualTo(415);
        assertThat(response.error()).isEqualTo("Content-Type must be application/json, not missing");
    }

    @Test
    void malformedJsonSaysWhereItBroke() {
        Response response = post("/Company/create", "[{\"idRemote\": \"CO-1\",, }]");

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.error()).startsWith("Malformed JSON at line 1, column 22: Unexpected character (',' ");
        assertThat(response.body()).doesNotContain("com.fasterxml").doesNotContain("Exception");
    }

    @Test
    void aKeyGivenTwiceInOneObjectIsMalformed() {
        Response response = post("/Company/create", "[{\"idRemote\": \"CO-1\", \"idRemote\": \"CO-2\"}]");

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.error()).isEqualTo("Malformed JSON at line 1, column 33: Duplicate field 'idRemote'");
    }

    @Test
    void bodyOverSixteenMebibytesIsTooLarge() {
        String huge = "[{\"idRemote\": \"" + "x".repeat(17 * 1024 * 1024) + "\"}]";

        Response response = post("/Company/create", huge);

        assertThat(response.status()).isEqualTo(413);
        assertThat(response.error()).isEqualTo("Request body exceeds the limit of 16 MiB");
    }

    @Test
    void moreThanAThousandItemsIsTooLarge() {
        List<String> items = new ArrayList<>();
        for (int i = 0; i < 1001; i++) {
            items.add("{\"idRemote\": \"C" + i + "\", \"companyName\": \"n\"}");
        }

        Response response = post("/Company/create", "[" + String.join(",", items) + "]");

        assertThat(response.status()).isEqualTo(413);
        assertThat(response.error()).isEqualTo("Request body holds 1001 items; the limit is 1000");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM company", Integer.class)).isZero();
    }

    @Test
    void theOpenApiDocumentIsPublicRelativeToTheBasePathAndEchoesNothing() {
        Response response = send("GET", BASE + "/openapi.json", Map.of("Authorization", "Bearer " + DEMO,
                "X-API-Key", DEMO, "X-Custom", "echo?"), null);

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.contentType()).startsWith("application/json");
        response.raw().headers().map().forEach((name, values) -> {
            assertThat(values).noneMatch(v -> v.contains(DEMO) || v.contains("echo?"));
            assertThat(name).isNotEqualToIgnoringCase("X-Custom").isNotEqualToIgnoringCase("Authorization");
        });
        JsonNode document = response.json();
        assertThat(document.path("servers").get(0).path("url").asText()).isEqualTo(BASE);
        assertThat(document.path("paths").size()).isEqualTo(26);
        assertThat(document.path("paths").path("/Order/create").path("post").path("operationId").asText())
                .isEqualTo("accept-orders");
        Response yaml = send("GET", BASE + "/openapi.yaml", Map.of(), null);
        assertThat(yaml.status()).as("no key needed").isEqualTo(200);
        assertThat(yaml.body()).contains("operationId: \"accept-orders\"");
    }

    /** The tests' hub lets https://shop.example in (application-test.yml); no other origin. */
    @Test
    void onlyTheConfiguredOriginsPagesMayCallTheApi() {
        Response preflight = send("OPTIONS", BASE + "/Order/create", Map.of("Origin", "https://shop.example",
                "Access-Control-Request-Method", "POST", "Access-Control-Request-Headers", "authorization,content-type"), null);
        assertThat(preflight.status()).as("answered without a key").isEqualTo(200);
        assertThat(preflight.header("Access-Control-Allow-Origin")).isEqualTo("https://shop.example");
        assertThat(preflight.header("Access-Control-Allow-Methods")).contains("POST");

        Response shop = send("GET", BASE + "/Order/getOrder", Map.of("Authorization", "Bearer " + DEMO,
                "Origin", "https://shop.example"), null);
        assertThat(shop.status()).isEqualTo(200);
        assertThat(shop.header("Access-Control-Allow-Origin")).isEqualTo("https://shop.example");
        assertThat(shop.header("Access-Control-Expose-Headers")).contains("RateLimit");
        Response withoutKey = send("GET", BASE + "/Order/getOrder", Map.of("Origin", "https://shop.example"), null);
        assertThat(withoutKey.status()).as("a page still needs a key").isEqualTo(401);

        Response evil = send("GET", BASE + "/Order/getOrder", Map.of("Authorization", "Bearer " + DEMO,
                "Origin", "https://evil.example"), null);
        assertThat(evil.status()).isEqualTo(403);
        assertThat(evil.error()).isEqualTo("Cross-origin request refused: this origin is not allowed.");
        assertThat(evil.header("Access-Control-Allow-Origin")).isNull();
        Response evilPreflight = send("OPTIONS", BASE + "/Order/getOrder", Map.of("Origin", "https://evil.example",
                "Access-Control-Request-Method", "GET"), null);
        assertThat(evilPreflight.status()).isEqualTo(403);
        assertThat(evilPreflight.header("Access-Control-Allow-Origin")).isNull();
    }

    @Test
    void healthIsUpWithTheDatabase() {
        Response health = send("GET", "/actuator/health", Map.of(), null);

        assertThat(health.status()).isEqualTo(200);
        assertThat(health.json().path("status").asText()).isEqualTo("UP");
        assertThat(health.json().path("components").path("db").path("status").asText()).isEqualTo("UP");
    }
}
