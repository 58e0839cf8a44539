package com.orderhub.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.orderhub.config.ApiConfiguration;
import com.orderhub.config.OrderHubProperties;
import com.orderhub.support.HubSettings;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.web.filter.CorsFilter;

/**
 * CORS is off unless origins are configured; configured, preflights are answered before the key
 * check and other origins are refused in the API's error format.
 */
class CrossOriginTest {

    private static final String BASE = "/api/database/v1";
    private static final OrderHubProperties.Cors SHOPS = new OrderHubProperties.Cors(
            List.of("https://shop.example", "https://*.wholesale.example"), Duration.ofHours(1));

    private final AtomicBoolean reachedTheKeyCheck = new AtomicBoolean();

    private MockHttpServletResponse send(CorsFilter filter, String method, String origin, String requestMethod)
            throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest(method, BASE + "/Order/getOrder");
        // as the Camel servlet, mapped to the base path, sees it
        request.setServletPath(BASE);
        request.setPathInfo("/Order/getOrder");
        request.addHeader("Origin", origin);
        if (requestMethod != null) {
            request.addHeader("Access-Control-Request-Method", requestMethod);
            request.addHeader("Access-Control-Request-Headers", "authorization,content-type,idempotency-key");
        }
        MockHttpServletResponse response = new MockHttpServletResponse();
        filter.doFilter(request, response, (req, res) -> reachedTheKeyCheck.set(true));
        return response;
    }

    @Test
    void withoutOriginsTheFilterIsNotRegistered() {
        FilterRegistrationBean<CorsFilter> off = new ApiConfiguration().crossOriginFilter(properties(
                new OrderHubProperties.Cors(List.of(), Duration.ofHours(1))));
        FilterRegistrationBean<CorsFilter> on = new ApiConfiguration().crossOriginFilter(properties(SHOPS));

        assertThat(off.isEnabled()).isFalse();
        assertThat(on.isEnabled()).isTrue();
        assertThat(on.getUrlPatterns()).containsExactly(BASE + "/*");
        assertThat(on.getOrder()).as("before the key check").isLessThan(
                new ApiConfiguration().apiKeyFilter(null, null, properties(SHOPS)).getOrder());
    }

    @Test
    void aPreflightFromAnAllowedOriginIsAnsweredWithoutAKey() throws Exception {
        MockHttpServletResponse preflight = send(CrossOrigin.filter(SHOPS), "OPTIONS", "https://shop.example", "POST");

        assertThat(preflight.getStatus()).isEqualTo(200);
        assertThat(preflight.getHeader("Access-Control-Allow-Origin")).isEqualTo("https://shop.example");
        assertThat(preflight.getHeader("Access-Control-Allow-Methods")).contains("POST");
        assertThat(preflight.getHeader("Access-Control-Allow-Headers"))
                .contains("authorization", "content-type", "idempotency-key");
        assertThat(preflight.getHeader("Access-Control-Max-Age")).isEqualTo("3600");
        assertThat(preflight.getHeader("Access-Control-Allow-Credentials")).isNull();
        assertThat(reachedTheKeyCheck).isFalse();
    }

    @Test
    void anAllowedOriginsRequestGoesOnToTheKeyCheckAndMayReadTheHeaders() throws Exception {
        MockHttpServletResponse response = send(CrossOrigin.filter(SHOPS), "GET", "https://eu.wholesale.example",
                null);

        assertThat(reachedTheKeyCheck).isTrue();
        assertThat(response.getHeader("Access-Control-Allow-Origin")).isEqualTo("https://eu.wholesale.example");
        assertThat(response.getHeader("Access-Control-Expose-Headers")).contains("Location", "ETag", "RateLimit",
                "Retry-After");
    }

    @Test
    void anotherOriginIsRefusedWith403() throws Exception {
        MockHttpServletResponse preflight = send(CrossOrigin.filter(SHOPS), "OPTIONS", "https://evil.example",
                "GET");

        assertThat(preflight.getStatus()).isEqualTo(403);
        assertThat(preflight.getHeader("Access-Control-Allow-Origin")).isNull();
        JsonNode problem = ApiJson.MAPPER.readTree(preflight.getContentAsString());
        assertThat(problem.path("code").asInt()).isEqualTo(403);
        assertThat(problem.path("error").asText()).isEqualTo("Cross-origin request refused: this origin is not allowed.");
        assertThat(reachedTheKeyCheck).isFalse();

        MockHttpServletResponse request = send(CrossOrigin.filter(SHOPS), "GET", "https://evil.example", null);
        assertThat(request.getStatus()).isEqualTo(403);
        assertThat(reachedTheKeyCheck).isFalse();
    }

    private static OrderHubProperties properties(OrderHubProperties.Cors cors) {
        return HubSettings.with(cors);
    }
}
