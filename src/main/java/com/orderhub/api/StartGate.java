package com.orderhub.api;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.apache.camel.CamelContext;
import org.apache.camel.ServiceStatus;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The API answers only while its routes run. Tomcat listens before Camel has started the routes
 * (and keeps listening while they stop): in those moments a call would meet no endpoint and get
 * a 404, which a client takes as final. It gets 503 with Retry-After instead, and tries again.
 */
public class StartGate extends OncePerRequestFilter {

    static final String STARTING = "The hub is starting; nothing was accepted. Retry shortly.";
    static final String STOPPING = "The hub is stopping; nothing was accepted. Retry shortly (another instance may answer).";

    private final CamelContext camel;
    /** Camel reports Stopped before its first start as after its stop: what came first tells them apart. */
    private volatile boolean hasRun;

    public StartGate(CamelContext camel) {
        this.camel = camel;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        ServiceStatus status = camel.getStatus();
        if (status.isStarted()) {
            hasRun = true;
            chain.doFilter(request, response);
            return;
        }
        String why = hasRun ? STOPPING : STARTING;
        ApiResponses.writeProblem(request, response, ApiProblem.outage(503, why), request.getRequestURI());
    }
}
