package com.orderhub.api;

import java.util.List;
import java.util.Map;

/**
 * An error the caller caused (or may act on), with the exact message the contract promises.
 * {@code errors} maps each offending field's path to its messages (validation problems only).
 */
public class ApiProblem extends RuntimeException {

    private final int status;
    private final Map<String, List<String>> errors;

    public ApiProblem(int status, String message) {
        this(status, message, Map.of());
    }

    public ApiProblem(int status, String message, Map<String, List<String>> errors) {
        super(message, null, false, false);
        this.status = status;
        this.errors = errors;
    }

    public int status() {
        return status;
    }

    public Map<String, List<String>> errors() {
        return errors;
    }

    public static ApiProblem badRequest(String message) {
        return new ApiProblem(400, message);
    }

    public static ApiProblem notFound(String entity, String id) {
        return new ApiProblem(404, "No entity found for " + entity + " with " + id + ".");
    }
}
