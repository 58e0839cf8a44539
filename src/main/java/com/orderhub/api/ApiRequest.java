package com.orderhub.api;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Instant;
import java.util.Map;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.http.common.HttpMessage;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * What a bean needs of the HTTP request behind a Camel exchange: the caller's tenant, query
 * and path parameters, and a way to answer in the negotiated format. Query parameters are read
 * from the servlet request, not from Camel headers, so an HTTP header can never pose as one.
 */
public final class ApiRequest {

    private static final String SERVLET_REQUEST = "OrderHubServletRequest";

    private final Exchange exchange;
    private final HttpServletRequest http;
    private final ApiCaller caller;
    private final ResponseFormat format;

    private ApiRequest(Exchange exchange, HttpServletRequest http, ApiCaller caller) {
        this.exchange = exchange;
        this.http = http;
        this.caller = caller;
        this.format = ResponseFormat.requested(http);
    }

    public static ApiRequest of(Exchange exchange) {
        HttpServletRequest http = servletRequest(exchange);
        ApiCaller caller = (ApiCaller) http.getAttribute(ApiKeyFilter.CALLER_ATTRIBUTE);
        if (caller == null) {
            throw new IllegalStateException("API request without an authenticated caller: is ApiKeyFilter mapped?");
        }
        return new ApiRequest(exchange, http, caller);
    }

    static HttpServletRequest servletRequest(Exchange exchange) {
        HttpServletRequest http = servletRequestOrNull(exchange);
        if (http == null) {
            throw new IllegalStateException("Exchange did not come from the API servlet");
        }
        return http;
    }

    /**
     * The servlet request, from the exchange's HTTP message, or kept from it: a route's split or
     * endpoint may hand the later steps a copy of the message that is no HTTP message.
     */
    static HttpServletRequest servletRequestOrNull(Exchange exchange) {
        if (exchange.getIn() instanceof HttpMessage message) {
            exchange.setProperty(SERVLET_REQUEST, message.getRequest());
            return message.getRequest();
        }
        return exchange.getProperty(SERVLET_REQUEST, HttpServletRequest.class);
    }

    public String tenant() {
        return caller.tenant();
    }

    public ApiCaller caller() {
        return caller;
    }

    public Exchange exchange() {
        return exchange;
    }

    public HttpServletRequest http() {
        return http;
    }

    public String param(String name) {
        return http.getParameter(name);
    }

    /** A path parameter ({id} in the REST DSL), as Camel bound it. */
    public String pathParam(String name) {
        return exchange.getIn().getHeader(name, String.class);
    }

    public PageRequest page() {
        return PageRequest.of(param("page"), param("pageSize"));
    }

    /** The {@code date} filter of the change feeds, in any accepted format; naive times are UTC. */
    public Instant dateParam(String name, Instant absent) {
        String text = param(name);
        if (text == null || text.isBlank()) {
            return absent;
        }
        Instant date = Dates.parse(text);
        if (date == null) {
            throw ApiProblem.badRequest("Parameter " + name + " must be a date as " + Dates.FORMATS);
        }
        return date;
    }

    /** This request's absolute URL with some query parameters replaced; every other one is kept. */
    public String urlWith(Map<String, String> replaced) {
        UriComponentsBuilder url = ServletUriComponentsBuilder.fromRequest(http);
        replaced.forEach(url::replaceQueryParam);
        return url.build(true).toUriString();
    }

    /** An absolute URL on this hub for a path, as the caller reached it (host, port, forwarded headers). */
    public String urlOf(String path) {
        return ServletUriComponentsBuilder.fromContextPath(http).path(path).build().toUriString();
    }

    public void ok(JsonNode document) {
        respond(200, document, Map.of());
    }

    public void ok(DocumentWriter document) {
        respond(200, document, Map.of());
    }

    public void respond(int status, JsonNode document, Map<String, String> headers) {
        answer(status, ApiResponses.render(document, format), headers);
    }

    public void respond(int status, DocumentWriter document, Map<String, String> headers) {
        answer(status, ApiResponses.render(document, format), headers);
    }

    /**
     * Sets the answer. Every incoming header is dropped first: Camel's HTTP binding would echo
     * request headers (the API key among them) back as response headers.
     */
    private void answer(int status, byte[] body, Map<String, String> headers) {
        Message message = exchange.getMessage();
        message.removeHeaders("*");
        message.setHeader(Exchange.HTTP_RESPONSE_CODE, status);
        message.setHeader(Exchange.CONTENT_TYPE, format.contentType());
        headers.forEach(message::setHeader);
        message.setBody(body);
    }
}
