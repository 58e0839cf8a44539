package com.orderhub.api;

import jakarta.servlet.http.HttpServletRequest;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.springframework.stereotype.Component;

/**
 * The API routes' error policy (routes/api-errors.yaml): whatever a route threw becomes the
 * problem document of the API reference (Problem), in the format the caller asked for.
 */
@Component("problemResponder")
public class ProblemResponder {

    public void respond(Exchange exchange) {
        Throwable failure = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class);
        ApiProblem problem = Problems.of(failure);
        HttpServletRequest http = ApiRequest.servletRequestOrNull(exchange);
        ResponseFormat format = http == null ? ResponseFormat.JSON : ResponseFormat.of(http);
        String instance = http == null ? null : http.getRequestURI();
        Message message = exchange.getMessage();
        message.removeHeaders("*");
        message.setHeader(Exchange.HTTP_RESPONSE_CODE, problem.status());
        message.setHeader(Exchange.CONTENT_TYPE, format.problemContentType());
        if (problem.retryAfterSeconds() > 0) {
            message.setHeader("Retry-After", String.valueOf(problem.retryAfterSeconds()));
        }
        message.setBody(ApiResponses.renderProblem(Problems.document(problem, instance), format));
    }
}
