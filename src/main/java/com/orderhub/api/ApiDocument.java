package com.orderhub.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.orderhub.config.OrderHubProperties;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.stereotype.Component;

/**
 * The OpenAPI document of the Order API, {@value #LOCATION} on the classpath: the contract the
 * REST routes are held to ({@link #mismatches}) and what {@code GET <base>/openapi.json} (and
 * {@code .yaml}) serve, its server the configured base path, relative, so it names whatever host
 * the client called.
 */
@Component("apiDocument")
public class ApiDocument {

    public static final String LOCATION = "openapi/orderhub-api.yaml";
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch", "head", "options");

    private final ObjectNode document;
    private final byte[] json;
    private final byte[] yaml;

    public ApiDocument(OrderHubProperties properties) {
        try (InputStream in = ApiDocument.class.getClassLoader().getResourceAsStream(LOCATION)) {
            if (in == null) {
                throw new IllegalStateException("The API's OpenAPI document " + LOCATION + " is not on the classpath");
            }
            document = (ObjectNode) YAML.readTree(in);
            ((ObjectNode) document.withArray("servers").get(0)).put("url", properties.api().basePath());
            json = ApiJson.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsBytes(document);
            yaml = YAML.writeValueAsBytes(document);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public byte[] json() {
        return json.clone();
    }

    public byte[] yaml() {
        return yaml.clone();
    }

    /** Each operation of the document as {@code METHOD path -> operationId}. */
    public Map<String, String> operations() {
        Map<String, String> operations = new java.util.TreeMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> paths = document.path("paths").fields(); paths.hasNext();) {
            Map.Entry<String, JsonNode> path = paths.next();
            for (Iterator<Map.Entry<String, JsonNode>> verbs = path.getValue().fields(); verbs.hasNext();) {
                Map.Entry<String, JsonNode> verb = verbs.next();
                if (METHODS.contains(verb.getKey())) {
                    operations.put(verb.getKey().toUpperCase() + " " + path.getKey(),
                            verb.getValue().path("operationId").asText());
                }
            }
        }
        return operations;
    }

    /**
     * How the REST routes ({@code METHOD path -> route id}) differ from the document: an
     * operation without a route, a route the document does not describe, or one whose route is
     * not the operation's id. Empty when they agree.
     */
    public List<String> mismatches(Map<String, String> routes) {
        Map<String, String> described = operations();
        List<String> mismatches = new ArrayList<>();
        Set<String> all = new TreeSet<>(described.keySet());
        all.addAll(routes.keySet());
        for (String operation : all) {
            String operationId = described.get(operation);
            String route = routes.get(operation);
            if (route == null) {
                mismatches.add(operation + " (" + operationId + ") is in " + LOCATION + " but has no REST route");
            } else if (operationId == null) {
                mismatches.add(operation + " (route " + route + ") is not in " + LOCATION);
            } else if (!operationId.equals(route)) {
                mismatches.add(operation + " goes to route " + route + ", but its operationId is " + operationId);
            }
        }
        return mismatches;
    }
}
