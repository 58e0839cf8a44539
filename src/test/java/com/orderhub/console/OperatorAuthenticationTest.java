package com.orderhub.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.orderhub.api.Digests;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

class OperatorAuthenticationTest {

    private final OperatorAuthentication filter = new OperatorAuthentication("operator",
            Digests.sha256Hex("correct horse"));

    @Test
    void acceptsTheOperatorsNameAndPassword() {
        assertThat(filter.isOperator(basic("operator:correct horse"))).isTrue();
        assertThat(filter.isOperator("basic " + encode("operator:correct horse"))).as("scheme is case-insensitive").isTrue();
    }

    @Test
    void aPasswordMayContainColons() {
        OperatorAuthentication colons = new OperatorAuthentication("operator",
                Digests.sha256Hex("a:b:c"));
        assertThat(colons.isOperator(basic("operator:a:b:c"))).isTrue();
    }

    @Test
    void refusesAnythingElse() {
        assertThat(filter.isOperator(null)).isFalse();
        assertThat(filter.isOperator("")).isFalse();
        assertThat(filter.isOperator(basic("operator:wrong"))).isFalse();
        assertThat(filter.isOperator(basic("admin:correct horse"))).isFalse();
        assertThat(filter.isOperator(basic("operator"))).as("no colon").isFalse();
        assertThat(filter.isOperator("Basic %%%not-base64")).isFalse();
        assertThat(filter.isOperator("Bearer " + encode("operator:correct horse"))).isFalse();
    }

    @Test
    void challengesWithBasicAndPassesNothingOn() throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/actuator/jolokia/version");
        MockHttpServletResponse response = new MockHttpServletResponse();
        MockFilterChain chain = new MockFilterChain();
        filter.doFilter(request, response, chain);
        assertThat(response.getStatus()).isEqualTo(401);
        assertThat(response.getHeader("WWW-Authenticate")).isEqualTo("Basic realm=\"OrderHub console\", charset=\"UTF-8\"");
        assertThat(chain.getRequest()).as("the request went no further").isNull();

        MockHttpServletRequest operator = new MockHttpServletRequest("GET", "/actuator/jolokia/version");
        operator.addHeader("Authorization", basic("operator:correct horse"));
        MockFilterChain passed = new MockFilterChain();
        filter.doFilter(operator, new MockHttpServletResponse(), passed);
        assertThat(passed.getRequest()).isSameAs(operator);
    }

    @Test
    void refusesWhatAPageOfAnotherSiteMakesTheBrowserSendEvenWithTheCredentials() throws Exception {
        assertThat(status("POST", "/actuator/jolokia", "cross-site", "cors")).isEqualTo(403);
        assertThat(status("POST", "/actuator/hawtio/jolokia", "same-site", "no-cors")).isEqualTo(403);
        assertThat(status("GET", "/actuator/jolokia/exec/java.lang:type=Memory/gc", "cross-site", "navigate"))
                .as("a link that would execute an operation").isEqualTo(403);
        assertThat(status("GET", "/actuator/hawtio/index.html", "cross-site", "no-cors")).isEqualTo(403);
    }

    @Test
    void letsTheConsolesOwnPagesAndALinkToItThrough() throws Exception {
        assertThat(status("POST", "/actuator/hawtio/jolokia", "same-origin", "cors")).isEqualTo(200);
        assertThat(status("GET", "/actuator/hawtio/", "none", "navigate")).as("typed in").isEqualTo(200);
        assertThat(status("GET", "/actuator/hawtio/", "cross-site", "navigate")).as("a link from a wiki").isEqualTo(200);
        assertThat(status("POST", "/actuator/jolokia", null, null)).as("curl, a script").isEqualTo(200);
    }

    /** Beside the console, an operator's action needs them for its writes only; its reads are counts. */
    @Test
    void guardsAnActionsWritesAndLetsItsReadsThrough() throws Exception {
        OperatorAuthentication replay = OperatorAuthentication.forWrites("Replaying dead letters", "operator",
                Digests.sha256Hex("correct horse"));

        MockHttpServletResponse refused = answer(replay, "POST", null);
        assertThat(refused.getStatus()).isEqualTo(401);
        assertThat(refused.getContentAsString()).isEqualTo("Replaying dead letters needs the operator's name and password.\n");
        assertThat(answer(replay, "POST", basic("operator:wrong")).getStatus()).isEqualTo(401);
        assertThat(answer(replay, "POST", basic("operator:correct horse")).getStatus()).isEqualTo(200);
        assertThat(answer(replay, "GET", null).getStatus()).isEqualTo(200);
        assertThat(answer(replay, "HEAD", null).getStatus()).isEqualTo(200);

        MockHttpServletRequest otherSite = new MockHttpServletRequest("POST", "/actuator/deadletters");
        otherSite.addHeader("Authorization", basic("operator:correct horse"));
        otherSite.addHeader("Sec-Fetch-Site", "cross-site");
        otherSite.addHeader("Sec-Fetch-Mode", "no-cors");
        MockHttpServletResponse forged = new MockHttpServletResponse();
        MockFilterChain chain = new MockFilterChain();
        replay.doFilter(otherSite, forged, chain);
        assertThat(forged.getStatus()).isEqualTo(403);
        assertThat(forged.getContentAsString()).isEqualTo("Replaying dead letters takes no requests from other sites' pages.\n");
        assertThat(chain.getRequest()).isNull();
    }

    /**
     * With no operator password set (absent, or empty as docker-compose passes it), the action is
     * refused to everyone, and the answer says what to set.
     */
    @ParameterizedTest
    @NullAndEmptySource
    void refusesAnActionToEveryoneWhileNoOperatorPasswordIsSet(String passwordSha256) throws Exception {
        OperatorAuthentication replay = OperatorAuthentication.forWrites("Replaying dead letters", "operator",
                passwordSha256);

        MockHttpServletResponse refused = answer(replay, "POST", basic("operator:anything"));
        assertThat(refused.getStatus()).isEqualTo(403);
        assertThat(refused.getContentAsString()).isEqualTo("Replaying dead letters needs the operator's name and "
                + "password, and the hub has no operator password: set orderhub.console.password-sha256 "
                + "(ORDERHUB_CONSOLE_PASSWORDSHA256) to the hex SHA-256 of one, e.g. from: printf %s 'the password' | sha256sum\n");
        assertThat(replay.isOperator(basic("operator:"))).isFalse();
        assertThat(answer(replay, "GET", null).getStatus()).as("the count").isEqualTo(200);
    }

    private static MockHttpServletResponse answer(OperatorAuthentication filter, String method, String authorization)
            throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest(method, "/actuator/deadletters");
        if (authorization != null) {
            request.addHeader("Authorization", authorization);
        }
        MockHttpServletResponse response = new MockHttpServletResponse();
        MockFilterChain chain = new MockFilterChain();
        filter.doFilter(request, response, chain);
        assertThat(chain.getRequest()).as("passed on exactly when answered 200").isEqualTo(
                response.getStatus() == 200 ? request : null);
        return response;
    }

    private int status(String method, String path, String fetchSite, String fetchMode) throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest(method, path);
        request.addHeader("Authorization", basic("operator:correct horse"));
        if (fetchSite != null) {
            request.addHeader("Sec-Fetch-Site", fetchSite);
            request.addHeader("Sec-Fetch-Mode", fetchMode);
        }
        MockHttpServletResponse response = new MockHttpServletResponse();
        filter.doFilter(request, response, new MockFilterChain());
        return response.getStatus();
    }

    private static String basic(String credentials) {
        return "Basic " + encode(credentials);
    }

    /** Switched on without the operator's password, the hub does not start, and says what to set. */
    @Test
    void theConsoleWithoutAPasswordStopsTheStart() {
        assertThatThrownBy(() -> new ConsoleSecurityConfiguration().operatorAuthentication(
                new ConsoleProperties(true, "operator", null),
                new org.springframework.boot.actuate.autoconfigure.endpoint.web.WebEndpointProperties()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("orderhub.console.enabled is true but orderhub.console.password-sha256 is not set: give the "
                        + "hex SHA-256 of the operator's password (ORDERHUB_CONSOLE_PASSWORDSHA256, e.g. from: "
                        + "printf %s 'the password' | sha256sum)");
    }

    private static String encode(String credentials) {
        return Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8));
    }
}
