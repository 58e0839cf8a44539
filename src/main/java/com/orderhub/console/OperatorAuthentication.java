package com.orderhub.console;

import com.orderhub.api.Digests;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import org.springframework.boot.actuate.autoconfigure.endpoint.web.WebEndpointProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.core.Ordered;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * HTTP Basic in front of Hawtio and Jolokia: the operator's name and password, or 401 with a
 * challenge the browser answers with its login dialog. Both are compared as SHA-256 digests with
 * {@link MessageDigest#isEqual}, always both, so the time taken tells nothing about either.
 * Jolokia reads and changes every MBean of the JVM, so it is guarded exactly like the console.
 * <p>
 * A browser sends the credentials it cached with any request to the hub, also one that a page of
 * another site makes it send (cross-site request forgery). Its Fetch Metadata says where a request
 * comes from, so one from another site is refused (403), except following a link to the console's
 * pages: nothing is changed by loading them, while Jolokia executes what its URL says.
 * <p>
 * The operator's actions beside the console (replaying dead letters) are guarded by the same
 * check for their writes only ({@link #forWrites}): their reads are counts, like the metrics.
 */
public class OperatorAuthentication extends OncePerRequestFilter {

    static final String CHALLENGE = "Basic realm=\"OrderHub console\", charset=\"UTF-8\"";

    private final String guarded;
    private final boolean writesOnly;
    private final byte[] userDigest;
    /** null: no operator password is set, and what this guards is refused to everyone. */
    private final byte[] passwordDigest;

    /** Every request to the console needs the operator. */
    public OperatorAuthentication(String user, String passwordSha256) {
        this("The operator console", false, user, passwordSha256);
    }

    private OperatorAuthentication(String guarded, boolean writesOnly, String user, String passwordSha256) {
        this.guarded = guarded;
        this.writesOnly = writesOnly;
        this.userDigest = Digests.sha256(user);
        this.passwordDigest = passwordSha256 == null || passwordSha256.isBlank() ? null
                : HexFormat.of().parseHex(passwordSha256.toLowerCase());
    }

    /**
     * Writes (anything but GET and HEAD) need the operator; without an operator password set they
     * are refused (403) with what to set. {@code guarded} names the action in the answers.
     */
    public static OperatorAuthentication forWrites(String guarded, String user, String passwordSha256) {
        return new OperatorAuthentication(guarded, true, user, passwordSha256);
    }

    /**
     * This filter in front of these actuator endpoints, as the actuator maps them, under its own
     * name (two registrations under one name: the second is dropped), ahead of every other filter
     * (Hawtio's redirect and forward before anything is checked).
     */
    FilterRegistrationBean<OperatorAuthentication> on(String name, WebEndpointProperties endpoints, List<String> ids) {
        FilterRegistrationBean<OperatorAuthentication> registration = new FilterRegistrationBean<>(this);
        for (String id : ids) {
            String path = endpoints.getBasePath() + "/" + endpoints.getPathMapping().getOrDefault(id, id);
            registration.addUrlPatterns(path, path + "/*");
        }
        registration.setName(name);
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        registration.setDispatcherTypes(DispatcherType.REQUEST);
        return registration;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return writesOnly && ("GET".equals(request.getMethod()) || "HEAD".equals(request.getMethod()));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (isCrossSite(request)) {
            refuse(response, HttpServletResponse.SC_FORBIDDEN, guarded + " takes no requests from other sites' pages.");
            return;
        }
        if (passwordDigest == null) {
            refuse(response, HttpServletResponse.SC_FORBIDDEN, guarded + " needs the operator's name and password, "
                    + "and the hub has no operator password: set orderhub.console.password-sha256 "
                    + "(ORDERHUB_CONSOLE_PASSWORDSHA256) to the hex SHA-256 of one, e.g. from: "
                    + "printf %s 'the password' | sha256sum");
            return;
        }
        if (isOperator(request.getHeader("Authorization"))) {
            chain.doFilter(request, response);
            return;
        }
        response.setHeader("WWW-Authenticate", CHALLENGE);
        response.setHeader("Cache-Control", "no-store");
        refuse(response, HttpServletResponse.SC_UNAUTHORIZED, guarded + " needs the operator's name and password.");
    }

    private static void refuse(HttpServletResponse response, int status, String why) throws IOException {
        response.setStatus(status);
        response.setContentType("text/plain;charset=UTF-8");
        response.getWriter().write(why + "\n");
    }

    static boolean isCrossSite(HttpServletRequest request) {
        String site = request.getHeader("Sec-Fetch-Site");
        if (site == null || site.equals("same-origin") || site.equals("none")) {
            return false;
        }
        boolean followedLink = "GET".equals(request.getMethod()) && "navigate".equals(request.getHeader("Sec-Fetch-Mode"));
        return !followedLink || request.getRequestURI().contains("/jolokia");
    }

    boolean isOperator(String authorization) {
        if (passwordDigest == null || authorization == null || !authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
            return false;
        }
        String credentials;
        try {
            credentials = new String(Base64.getDecoder().decode(authorization.substring(6).trim()), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException notBase64) {
            return false;
        }
        int colon = credentials.indexOf(':');
        if (colon < 0) {
            return false;
        }
        boolean user = MessageDigest.isEqual(userDigest, Digests.sha256(credentials.substring(0, colon)));
        boolean password = MessageDigest.isEqual(passwordDigest, Digests.sha256(credentials.substring(colon + 1)));
        return user & password;
    }
}
