package com.orderhub.config;

import com.orderhub.api.ApiDocument;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.camel.CamelContext;
import org.apache.camel.model.ModelCamelContext;
import org.apache.camel.model.rest.RestDefinition;
import org.apache.camel.model.rest.VerbDefinition;
import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Holds the REST routes to the OpenAPI document once Camel has them: each operation of the
 * document goes to the route named by its operationId, and no route is outside the document. The
 * hub does not start when they disagree, so a client generated from the document never meets an
 * endpoint it does not know, nor misses one it was promised.
 */
@Component
public class ApiContract {

    private final ApiDocument document;
    private final CamelContext camel;

    public ApiContract(ApiDocument document, CamelContext camel) {
        this.document = document;
        this.camel = camel;
    }

    /** Once the routes are loaded; an exception here ends the start (Camel's own hooks would only log it). */
    @EventListener(ApplicationStartedEvent.class)
    public void check() {
        List<String> mismatches = document.mismatches(restRoutes(camel));
        if (!mismatches.isEmpty()) {
            throw new IllegalStateException("The REST routes (routes/rest-api.yaml) and the OpenAPI document disagree: "
                    + String.join("; ", mismatches));
        }
    }

    /** Each endpoint of the REST DSL as {@code METHOD path -> route id}, the document's own left out. */
    static Map<String, String> restRoutes(CamelContext camel) {
        Map<String, String> routes = new TreeMap<>();
        for (RestDefinition rest : ((ModelCamelContext) camel).getRestDefinitions()) {
            for (VerbDefinition verb : rest.getVerbs()) {
                String to = verb.getTo() == null ? "" : verb.getTo().getUri();
                if (to.startsWith("direct:openapi-")) {
                    continue;
                }
                String path = (rest.getPath() == null ? "" : rest.getPath()) + (verb.getPath() == null ? "" : verb.getPath());
                routes.put(verb.asVerb().toUpperCase() + " " + path, to.replaceFirst("^direct:", ""));
            }
        }
        return routes;
    }
}
