package com.orderhub.api;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import java.util.Set;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Guards everything under the API base path: a known key ({@code Authorization: Bearer} or
 * {@code X-API-Key}) or 401; a token of the key's rate limit or 429 with {@code Retry-After};
 * a write needs the {@code write} scope and a tenant other than the
 * read-only {@code default} (403). The caller rides on the request for the routes' beans.
 */
public class ApiKeyFilter extends OncePerRequestFilter {

    public static final String CALLER_ATTRIBUTE = ApiCaller.class.getName();

    static final String UNAUTHORIZED = "Unauthorized.";
    static final String DEFAULT_TENANT_WRITE = "Invalid connection name, you cannot insert in default";
    static final String READ_ONLY_KEY = "This API key may only read; writing needs the write scope.";

    private static final Set<String> READ_METHODS = Set.of("GET", "HEAD", "OPTIONS");

    private final ApiKeys keys;
    private final RateLimits limits;
    private final Set<String> publicPaths;

    public ApiKeyFilter(ApiKeys keys, RateLimits limits, Set<String> publicPaths) {
        this.keys = keys;
        this.limits = limits;
        this.publicPaths = java.util.Set.copyOf(publicPaths);
    }

    /** A read of a public path (the OpenAPI document) needs no key. */
    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return READ_METHODS.contains(request.getMethod()) && publicPaths.contains(request.getRequestURI());
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Optional<ApiCaller> caller = keys.authenticate(presentedKey(request));
        if (caller.isEmpty()) {
            response.setHeader("WWW-Authenticate", "Bearer");
            reject(request, response, new ApiProblem(401, UNAUTHORIZED));
            return;
        }
        RateLimits.Decision limit;
        try {
            limit = limits.take(caller.get());
        } catch (RuntimeException storeFailed) {
            // the shared buckets live in the database: its outage is answered like any other
            reject(request, response, Problems.of(storeFailed));
            return;
        }
        response.setHeader("RateLimit-Policy", limit.policyHeader());
        response.setHeader("RateLimit", limit.limitHeader());
        if (!limit.allowed()) {
            response.setHeader("Retry-After", String.valueOf(limit.retryAfterSeconds()));
            reject(request, response, new ApiProblem(429, "Too many requests for this API key: "
                    + limit.limit().burst() + " at once, then " + limit.limit().requests() + " every "
                    + limit.limit().per().toString().substring(2).toLowerCase() + ". Retry after "
                    + limit.retryAfterSeconds() + " s."));
            return;
        }
        if (!READ_METHODS.contains(request.getMethod())) {
            if (ApiCaller.READ_ONLY_TENANT.equals(caller.get().tenant())) {
                reject(request, response, new ApiProblem(403, DEFAULT_TENANT_WRITE));
                return;
            }
            if (!caller.get().mayWrite()) {
                reject(request, response, new ApiProblem(403, READ_ONLY_KEY));
                return;
            }
        }
        request.setAttribute(CALLER_ATTRIBUTE, caller.get());
        chain.doFilter(request, response);
    }

    private static String presentedKey(HttpServletRequest request) {
        String authorization = request.getHeader("Authorization");
        if (authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return authorization.substring(7).trim();
        }
        String apiKey = request.getHeader("X-API-Key");
        return apiKey == null ? null : apiKey.trim();
    }

    private static void reject(HttpServletRequest request, HttpServletResponse response, ApiProblem problem)
            throws IOException {
        ApiResponses.writeProblem(request, response, problem, request.getRequestURI());
    }
}
