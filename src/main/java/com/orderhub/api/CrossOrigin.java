package com.orderhub.api;

import com.orderhub.config.OrderHubProperties;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.ServerHttpResponse;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.DefaultCorsProcessor;
import org.springframework.web.cors.UrlBasedCorsConfigurationSource;
import org.springframework.web.filter.CorsFilter;

/**
 * Cross-origin access for browser clients (a web shop's front end), off unless origins are
 * configured: Spring's CORS filter, ahead of the key check, answers preflights itself (they carry
 * no key) and marks the answers of allowed origins; a request from another origin is refused
 * with 403 in the API's own error format. Keys travel in headers, never cookies, so credentials
 * are not allowed.
 */
public final class CrossOrigin {

    static final String REFUSED = "Cross-origin request refused: this origin is not allowed.";

    private CrossOrigin() {
    }

    public static CorsFilter filter(OrderHubProperties.Cors cors) {
        CorsConfiguration configuration = new CorsConfiguration();
        configuration.setAllowedOriginPatterns(cors.allowedOrigins());
        configuration.setAllowedMethods(List.of("GET", "POST", "PUT", "DELETE", "OPTIONS"));
        configuration.setAllowedHeaders(List.of("Authorization", "X-API-Key", "Content-Type", "Accept",
                "Idempotency-Key", "If-Match"));
        configuration.setExposedHeaders(List.of("Location", "ETag", "RateLimit", "RateLimit-Policy", "Retry-After"));
        configuration.setAllowCredentials(false);
        configuration.setMaxAge(cors.maxAge());
        // every path the filter sees: it is registered on the base path only, and under the Camel
        // servlet the lookup path is the part after the servlet's mapping, not the full path
        UrlBasedCorsConfigurationSource source = new UrlBasedCorsConfigurationSource();
        source.registerCorsConfiguration("/**", configuration);
        CorsFilter filter = new CorsFilter(source);
        filter.setCorsProcessor(new ProblemCorsProcessor());
        return filter;
    }

    /** Refusals in the API's error format instead of Spring's plain text. */
    private static final class ProblemCorsProcessor extends DefaultCorsProcessor {

        @Override
        public boolean processRequest(CorsConfiguration configuration, HttpServletRequest request,
                HttpServletResponse response) throws IOException {
            boolean allowed = super.processRequest(configuration, request, response);
            if (!allowed) {
                ApiResponses.writeProblem(request, response, new ApiProblem(HttpStatus.FORBIDDEN.value(), REFUSED),
                        request.getRequestURI());
            }
            return allowed;
        }

        @Override
        protected void rejectRequest(ServerHttpResponse response) {
            // written by processRequest, which knows the request's format
        }
    }
}
